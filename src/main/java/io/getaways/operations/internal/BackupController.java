package io.getaways.operations.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.getaways.operations.internal.BackupJobs.Job;
import io.getaways.platform.DomainException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins' view of backups: list, start a backup or a verification as a job, follow the
 * job. Restores are done with the command line on the machine, into a new directory,
 * never through a running service. Absent (404) with
 * {@code getaways.backup.enabled=false}, as on external servers that are backed up by
 * their own means.
 */
@RestController
@ConditionalOnProperty(name = "getaways.backup.enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api/v1/admin/backups")
class BackupController {

	private final BackupOperations operations;

	private final BackupJobs jobs;

	BackupController(BackupOperations operations, BackupJobs jobs) {
		this.operations = operations;
		this.jobs = jobs;
	}

	@GetMapping
	List<BackupSummary> list() {
		return operations.list().stream().map(BackupSummary::of).toList();
	}

	@PostMapping
	ResponseEntity<Job> create() {
		Job job = jobs.start("create", () -> {
			BackupManifest manifest = operations.create(Progress.NONE);
			return new String[] { manifest.id(), manifest.storedSize() + " bytes stored" };
		});
		return accepted(job);
	}

	@PostMapping("/{id}/verify")
	ResponseEntity<Job> verify(@PathVariable String id) {
		if (operations.repository().find(id).isEmpty()) {
			throw new BackupNotFoundException(id);
		}
		Job job = jobs.start("verify", () -> new String[] { id, operations.verify(id, Progress.NONE).detail() });
		return accepted(job);
	}

	@GetMapping("/jobs/{jobId}")
	Job job(@PathVariable String jobId) {
		return jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
	}

	private static ResponseEntity<Job> accepted(Job job) {
		return ResponseEntity.accepted().location(URI.create("/api/v1/admin/backups/jobs/" + job.id())).body(job);
	}

	static final class BackupNotFoundException extends DomainException {

		private final String id;

		BackupNotFoundException(String id) {
			super(Kind.NOT_FOUND, "Backup " + id + " does not exist or is incomplete");
			this.id = id;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("backupId", id);
		}

	}

	static final class JobNotFoundException extends DomainException {

		JobNotFoundException(String id) {
			super(Kind.NOT_FOUND, "Backup job " + id + " is not known to this instance");
		}

	}

}
