package io.getaways.platform.db;

import java.time.Duration;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An embedded standby survives a restart of the service: the primary comes back on a new
 * port, the standby follows it there, catches up from its slot, and with synchronous
 * replication on, commits still return.
 */
class ReplicaRestartIT {

	private ReplicatedInstance instance;

	@AfterEach
	void stop() {
		if (instance != null) {
			instance.close();
		}
	}

	@Test
	void afterARestartTheStandbyFollowsThePrimaryOnItsNewPortAndSynchronousCommitsReturn() {
		instance = ReplicatedInstance.start(1);
		int firstPort = instance.stores().postgres() == null ? -1 : primaryPort();
		instance.stop();
		instance = ReplicatedInstance.start(instance.root(), 1, "--getaways.replicas.synchronous=true");
		assertThat(primaryPort()).isNotEqualTo(firstPort);

		String code = "S" + TestTrips.token(11);
		JdbcClient jdbc = instance.context().getBean(JdbcClient.class);
		TransactionTemplate writes = new TransactionTemplate(
				instance.context().getBean(PlatformTransactionManager.class));
		writes.setTimeout(20);
		ActorContext.runAs(Actor.job("replica-restart-test"), () -> writes.executeWithoutResult(status -> jdbc
			.sql("INSERT INTO app.stays (code, name, country, city, price_per_night, currency, max_guests) "
					+ "VALUES (?, 'Villa', 'Portugal', 'Lagos', 100, 'EUR', 2)")
			.param(code)
			.update()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> instance.onStandby("replica-1",
					sql -> sql.sql("SELECT count(*) FROM app.stays WHERE code = ?")
						.param(code)
						.query(Long.class)
						.single()) == 1);
		instance.awaitServing("replica-1");
	}

	private int primaryPort() {
		String pidFile = instance.dataDir().resolve("postgres").resolve("postmaster.pid").toString();
		try {
			return Integer.parseInt(java.nio.file.Files.readAllLines(java.nio.file.Path.of(pidFile)).get(3).trim());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
