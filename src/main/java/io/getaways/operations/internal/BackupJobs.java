package io.getaways.operations.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups and verifications started through the API, run one at a time on a thread of
 * their own; their status is kept in memory for the instance that runs them (the
 * repository's own lock stops two instances from backing up at once).
 */
class BackupJobs implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BackupJobs.class);

	private static final int KEPT = 100;

	enum State {

		RUNNING, SUCCEEDED, FAILED

	}

	/** A job's status as the API shows it. */
	record Job(String id, String kind, State state, Instant startedAt, Instant finishedAt, String backupId,
			String detail) {
	}

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "backup-jobs");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	/**
	 * Starts a job whose work returns the id of the backup it made or checked and a
	 * one-line detail.
	 */
	Job start(String kind, Supplier<String[]> work) {
		Job job = new Job(UUID.randomUUID().toString(), kind, State.RUNNING, Instant.now(), null, null, null);
		jobs.put(job.id(), job);
		forgetOld();
		worker.submit(() -> {
			try {
				String[] outcome = work.get();
				jobs.put(job.id(), new Job(job.id(), kind, State.SUCCEEDED, job.startedAt(), Instant.now(), outcome[0],
						outcome[1]));
			}
			catch (RuntimeException ex) {
				log.warn("Backup job {} ({}) failed: {}", job.id(), kind, ex.getMessage());
				jobs.put(job.id(),
						new Job(job.id(), kind, State.FAILED, job.startedAt(), Instant.now(), null, ex.getMessage()));
			}
		});
		return job;
	}

	Optional<Job> find(String id) {
		return Optional.ofNullable(jobs.get(id));
	}

	private void forgetOld() {
		if (jobs.size() > KEPT) {
			jobs.values()
				.stream()
				.filter(job -> job.state() != State.RUNNING)
				.min(java.util.Comparator.comparing(Job::startedAt))
				.ifPresent(oldest -> jobs.remove(oldest.id()));
		}
	}

	@Override
	public void close() {
		worker.shutdownNow();
	}

}
