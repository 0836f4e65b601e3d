package io.getaways.platform.db;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured read replicas, which of them may serve a read now, and the metrics of
 * where reads went: {@code getaways_replica_reads_total{replica=<name>}} per replica and
 * {@code {replica="primary"}} for reads the primary served because no replica could,
 * {@code getaways_replica_lag_seconds} and {@code getaways_replica_lag_bytes} per
 * replica.
 */
public final class ReplicaSet implements AutoCloseable {

	static final String PRIMARY = "primary";

	private static final Logger log = LoggerFactory.getLogger(ReplicaSet.class);

	private final List<Replica> replicas;

	private final ReplicaSettings settings;

	private final AtomicInteger next = new AtomicInteger();

	private final Counter primaryReads;

	private final List<Counter> replicaReads;

	ReplicaSet(List<Replica> replicas, ReplicaSettings settings, MeterRegistry meters) {
		this.replicas = List.copyOf(replicas);
		this.settings = settings;
		this.primaryReads = reads(meters, PRIMARY);
		this.replicaReads = replicas.stream().map(replica -> reads(meters, replica.name())).toList();
		for (Replica replica : replicas) {
			Gauge.builder("getaways.replica.lag.seconds", replica, r -> r.status().lagSeconds())
				.tag("replica", replica.name())
				.description("Age of the newest commit the replica replayed while behind; 0 when caught up, -1 unknown")
				.register(meters);
			Gauge.builder("getaways.replica.lag.bytes", replica, r -> r.status().lagBytes())
				.tag("replica", replica.name())
				.description("WAL bytes the replica has still to replay; -1 unknown")
				.register(meters);
			Gauge.builder("getaways.replica.serving", replica, r -> r.status().serves() ? 1 : 0)
				.tag("replica", replica.name())
				.description("1 while the replica serves reads")
				.register(meters);
		}
	}

	private static Counter reads(MeterRegistry meters, String name) {
		return Counter.builder("getaways.replica.reads")
			.tag("replica", name)
			.description(
					"Read-only transactions served, by replica; replica=primary counts those no replica could take")
			.register(meters);
	}

	public List<Replica> replicas() {
		return replicas;
	}

	public ReplicaSettings settings() {
		return settings;
	}

	/**
	 * A replica that serves and has replayed up to {@code requiredLsn}, taken in turn so
	 * that reads spread over all of them.
	 */
	Optional<Replica> choose(long requiredLsn) {
		int size = replicas.size();
		int start = Math.floorMod(next.getAndIncrement(), size);
		for (int i = 0; i < size; i++) {
			Replica replica = replicas.get((start + i) % size);
			if (replica.canServe(requiredLsn)) {
				return Optional.of(replica);
			}
		}
		return Optional.empty();
	}

	void servedBy(Replica replica) {
		replicaReads.get(replicas.indexOf(replica)).increment();
	}

	void servedByPrimary() {
		primaryReads.increment();
	}

	/** Takes a replica out of service at once, until the next check finds it well. */
	void markDown(Replica replica, Throwable cause) {
		if (replica.status().serves()) {
			log.warn("Replica {}: taken out of service: {}", replica.name(), cause.getMessage());
		}
		replica.update(ReplicaStatus.down(String.valueOf(cause.getMessage())));
	}

	@Override
	public void close() {
		replicas.forEach(replica -> replica.pool().close());
	}

}
