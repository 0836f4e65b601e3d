package io.getaways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import io.getaways.platform.db.PoolBusyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreCircuitsTest {

	@Test
	void unreachableOrSlowStoresCountAsOutages() {
		assertThat(StoreCircuits.isOutage(new DataAccessResourceFailureException("down"))).isTrue();
		assertThat(StoreCircuits.isOutage(new QueryTimeoutException("slow"))).isTrue();
		assertThat(StoreCircuits.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(StoreCircuits.isOutage(new IllegalStateException("wrapped", new ConnectException("refused"))))
			.isTrue();
	}

	@Test
	void answersFromAWorkingStoreDoNotCount() {
		assertThat(StoreCircuits.isOutage(new DuplicateKeyException("taken"))).isFalse();
		assertThat(StoreCircuits.isOutage(new PessimisticLockingFailureException("deadlock"))).isFalse();
		assertThat(StoreCircuits.isOutage(new IllegalArgumentException("bad input"))).isFalse();
	}

	@Test
	void aWorkloadOverItsPoolIsNoOutageOfPostgres() {
		PoolBusyException busy = new PoolBusyException("getaways-reporting", 3, 3, 1, 2000,
				new SQLTransientConnectionException("timed out"));
		assertThat(StoreCircuits.isOutage(new CannotCreateTransactionException("no connection", busy))).isFalse();
	}

}
