package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Backup figures for Prometheus: {@code getaways_backup_last_success_seconds} (epoch
 * seconds of the last complete backup), {@code getaways_backup_last_size_bytes},
 * {@code getaways_backup_duration_seconds{operation,outcome}},
 * {@code getaways_backup_failures_total{operation,reason}} and
 * {@code getaways_backup_wal_archive_lag_seconds}, the age of the newest archived WAL
 * segment.
 */
class BackupMetrics {

	private final MeterRegistry registry;

	private final AtomicLong lastSuccessEpoch = new AtomicLong();

	private final AtomicLong lastSize = new AtomicLong();

	BackupMetrics(MeterRegistry registry, Path walDir) {
		this.registry = registry;
		Gauge.builder("getaways.backup.last.success", lastSuccessEpoch, AtomicLong::get)
			.baseUnit("seconds")
			.description("When the last backup completed, in seconds since the epoch")
			.register(registry);
		Gauge.builder("getaways.backup.last.size", lastSize, AtomicLong::get)
			.baseUnit("bytes")
			.description("Stored size of the last backup")
			.register(registry);
		Gauge.builder("getaways.backup.wal.archive.lag", () -> walLagSeconds(new WalArchive(walDir)))
			.baseUnit("seconds")
			.description("Age of the newest archived WAL segment")
			.register(registry);
	}

	void backupCompleted(BackupManifest manifest) {
		lastSuccessEpoch.set(manifest.finished().getEpochSecond());
		lastSize.set(manifest.storedSize());
	}

	/**
	 * Seeds the figures from the repository at start, so a restart does not report
	 * "never".
	 */
	void seed(java.util.List<BackupRepository.Entry> backups) {
		if (!backups.isEmpty()) {
			backupCompleted(backups.get(backups.size() - 1).manifest());
		}
	}

	<T> T timed(String operation, Supplier<T> work) {
		long start = System.nanoTime();
		String outcome = "failure";
		try {
			T result = work.get();
			outcome = "success";
			return result;
		}
		catch (RuntimeException ex) {
			Counter.builder("getaways.backup.failures")
				.tag("operation", operation)
				.tag("reason", reason(ex))
				.register(registry)
				.increment();
			throw ex;
		}
		finally {
			Timer.builder("getaways.backup.duration")
				.tag("operation", operation)
				.tag("outcome", outcome)
				.register(registry)
				.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
		}
	}

	/** A bounded set of reasons, so that the label never grows with messages. */
	static String reason(RuntimeException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("checksum") || message.contains("damaged")) {
			return "damaged";
		}
		if (message.contains("key")) {
			return "key";
		}
		if (message.contains("WAL")) {
			return "wal";
		}
		if (message.contains("busy")) {
			return "busy";
		}
		if (message.contains("MongoDB")) {
			return "mongodb";
		}
		return ex instanceof BackupFailedException ? "postgresql" : "error";
	}

	static double walLagSeconds(WalArchive wal) {
		return wal.segments()
			.stream()
			.reduce((a, b) -> b)
			.flatMap(wal::archivedAt)
			.map(at -> (double) java.time.Duration.between(at, Instant.now()).toMillis() / 1000)
			.orElse(Double.NaN);
	}

}
