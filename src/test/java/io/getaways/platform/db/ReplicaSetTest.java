package io.getaways.platform.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.platform.db.ReplicaStatus.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaSetTest {

	private final Replica first = new Replica("replica-1", new HikariDataSource());

	private final Replica second = new Replica("replica-2", new HikariDataSource());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ReplicaSet set = new ReplicaSet(List.of(first, second),
			new ReplicaSettings(List.of("jdbc:postgresql://a/x", "jdbc:postgresql://b/x"), Duration.ofSeconds(1),
					Duration.ofMillis(200), false),
			meters);

	@Test
	void readsTakeServingReplicasInTurnAndOnlyThoseThatReplayedWhatTheReaderMustSee() {
		first.update(up(100));
		second.update(up(200));
		assertThat(List.of(set.choose(0).orElseThrow(), set.choose(0).orElseThrow())).containsExactlyInAnyOrder(first,
				second);
		assertThat(set.choose(150)).contains(second);
		assertThat(set.choose(150)).contains(second);
		assertThat(set.choose(201)).isEmpty();
	}

	@Test
	void laggingDownPromotedAndUncheckedReplicasServeNothing() {
		assertThat(set.choose(0)).isEmpty();
		first.update(new ReplicaStatus(State.LAGGING, 500, 10, 2.5, Instant.now(), "behind"));
		second.update(new ReplicaStatus(State.PROMOTED, -1, -1, -1, Instant.now(), "promoted"));
		assertThat(set.choose(0)).isEmpty();
		second.update(up(10));
		set.markDown(second, new IllegalStateException("connection refused"));
		assertThat(set.choose(0)).isEmpty();
		assertThat(second.status().detail()).isEqualTo("connection refused");
	}

	@Test
	void readsAreCountedPerReplicaAndOnThePrimary() {
		set.servedBy(second);
		set.servedBy(second);
		set.servedByPrimary();
		assertThat(meters.get("getaways.replica.reads").tag("replica", "replica-2").counter().count()).isEqualTo(2);
		assertThat(meters.get("getaways.replica.reads").tag("replica", "primary").counter().count()).isEqualTo(1);
		second.update(new ReplicaStatus(State.UP, 10, 4096, 0.25, Instant.now(), null));
		assertThat(meters.get("getaways.replica.lag.seconds").tag("replica", "replica-2").gauge().value())
			.isEqualTo(0.25);
		assertThat(meters.get("getaways.replica.lag.bytes").tag("replica", "replica-2").gauge().value())
			.isEqualTo(4096);
	}

	private static ReplicaStatus up(long replayLsn) {
		return new ReplicaStatus(State.UP, replayLsn, 0, 0, Instant.now(), null);
	}

}
