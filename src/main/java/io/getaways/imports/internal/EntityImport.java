package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.getaways.platform.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One entity's rows, batch after batch: each batch and its checkpoint one transaction,
 * each row a savepoint in it.
 */
final class EntityImport<R> {

	private final Checkpoints checkpoints;

	private final TransactionTemplate batches;

	private final TransactionTemplate rows;

	private final ImportMapping.EntityMapping entity;

	private final ImportTarget<R> target;

	private final ImportSource source;

	private final ImportOptions options;

	private final RejectsFile rejects;

	private final String runKey;

	private final Progress progress;

	private final Set<String> seen;

	private final ImportTarget.KnownKeys known;

	String stoppedAt;

	EntityImport(Checkpoints checkpoints, TransactionTemplate batches, TransactionTemplate rows,
			ImportMapping.EntityMapping entity, ImportTarget<R> target, ImportSource source, ImportOptions options,
			RejectsFile rejects, String runKey, PrintWriter progress, Map<String, Set<String>> accepted) {
		this.seen = accepted.computeIfAbsent(entity.target(), name -> new HashSet<>());
		this.known = (name, key) -> accepted.getOrDefault(name, Set.of()).contains(key);
		this.checkpoints = checkpoints;
		this.batches = batches;
		this.rows = rows;
		this.entity = entity;
		this.target = target;
		this.source = source;
		this.options = options;
		this.rejects = rejects;
		this.runKey = runKey;
		this.progress = new Progress(progress, entity.source());
	}

	Tally run() {
		long total = source.count(entity.source());
		Tally tally = Tally.start(entity.source(), total);
		if (options.resume() && !options.dryRun()) {
			Checkpoints.Checkpoint checkpoint = batches
				.execute(status -> checkpoints.find(runKey, entity.source(), total))
				.orElse(null);
			if (checkpoint != null) {
				tally = checkpoint.tally();
				if (checkpoint.finished()) {
					progress.finished(tally);
					return tally;
				}
				rememberKeysBefore(tally.position);
			}
		}
		progress.start(tally);
		try (ImportSource.Cursor cursor = source.read(entity.source(), tally.position)) {
			List<Map<String, Object>> batch = new ArrayList<>(options.batchSize());
			while (cursor.hasNext() && stoppedAt == null) {
				batch.add(cursor.next());
				if (batch.size() == options.batchSize() || !cursor.hasNext()) {
					tally = batch(batch, tally);
					batch.clear();
					progress.batch(tally);
				}
			}
		}
		if (!options.dryRun() && stoppedAt == null) {
			Tally done = tally;
			batches.executeWithoutResult(status -> checkpoints.save(runKey, source.description(), done, true));
		}
		progress.finished(tally);
		return tally;
	}

	/** A resumed run still rejects a key the source repeats across the checkpoint. */
	private void rememberKeysBefore(long position) {
		try (ImportSource.Cursor cursor = source.read(entity.source(), 0)) {
			for (long i = 0; i < position && cursor.hasNext(); i++) {
				try {
					seen.add(target.key(target.row(RowMapper.map(entity, cursor.next()))));
				}
				catch (RowRejectedException ex) {
					// rejected before the checkpoint too
				}
			}
		}
	}

	private Tally batch(List<Map<String, Object>> batch, Tally before) {
		if (options.dryRun()) {
			// checked as the import's actor, then rolled back: a dry run writes nothing
			return batches.execute(status -> {
				status.setRollbackOnly();
				Tally tally = before.copy();
				for (Map<String, Object> row : batch) {
					if (!one(row, tally)) {
						break;
					}
				}
				return tally;
			});
		}
		Set<String> seenBefore = new HashSet<>(seen);
		try {
			return batches.execute(status -> {
				Tally tally = before.copy();
				for (Map<String, Object> row : batch) {
					if (!one(row, tally)) {
						break;
					}
				}
				checkpoints.save(runKey, source.description(), tally, false);
				return tally;
			});
		}
		catch (RuntimeException ex) {
			seen.retainAll(seenBefore);
			throw ex;
		}
	}

	/** Handles one row; false when the import stops here (--fail-fast). */
	private boolean one(Map<String, Object> raw, Tally tally) {
		String key = RowMapper.rawKey(entity, raw);
		boolean added = false;
		try {
			R row = target.row(RowMapper.map(entity, raw));
			key = target.key(row);
			if (!seen.add(key)) {
				throw new RowRejectedException(entity.key(), "duplicate key in the source");
			}
			added = true;
			if (target.exists(row)) {
				tally.skipped++;
			}
			else {
				target.checkReferences(row, known);
				if (!options.dryRun()) {
					rows.executeWithoutResult(status -> target.insert(row));
				}
				tally.inserted++;
			}
			tally.accept(target.canonical(row));
			tally.position++;
			return true;
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof RowRejectedException) && !(ex instanceof DomainException)
					&& !(ex instanceof DataIntegrityViolationException)) {
				throw ex;
			}
			if (added) {
				// a rejected row is not there for later rows to refer to
				seen.remove(key);
			}
			if (options.failFast()) {
				stoppedAt = "row " + (tally.position + 1) + " (" + key + "): " + reason(ex);
				rejects.reject(entity.source(), key, reason(ex));
				return false;
			}
			rejects.reject(entity.source(), key, reason(ex));
			tally.rejected++;
			tally.position++;
			return true;
		}
	}

	private String reason(RuntimeException ex) {
		if (ex instanceof DataIntegrityViolationException refused) {
			return "refused by the database: "
					+ refused.getMostSpecificCause().getMessage().lines().findFirst().orElse("");
		}
		return ex.getMessage();
	}

}
