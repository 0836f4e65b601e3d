package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.getaways.platform.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One entity's rows, batch after batch, each batch and its checkpoint one transaction: a
 * bulk target's batch on the fast path ({@link FastPathBatch}), otherwise (and with
 * --fail-fast) row by row, each row a savepoint.
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

	private final Map<String, SeenKeys> accepted;

	private final ImportTarget.KnownKeys known;

	private SeenKeys seen;

	/** Keys this batch added to {@link #seen}, taken back when it does not commit. */
	private final List<String> addedInBatch = new ArrayList<>();

	String stoppedAt;

	EntityImport(Checkpoints checkpoints, TransactionTemplate batches, TransactionTemplate rows,
			ImportMapping.EntityMapping entity, ImportTarget<R> target, ImportSource source, ImportOptions options,
			RejectsFile rejects, String runKey, PrintWriter progress, Map<String, SeenKeys> accepted) {
		this.accepted = accepted;
		this.known = (name, key) -> accepted.containsKey(name) && accepted.get(name).has(key);
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
		seen = new SeenKeys(source.repeatedKeys(entity.source(), entity.key()), options.dryRun());
		accepted.put(entity.target(), seen);
		Tally tally = Tally.start(entity.source(), total);
		tally.readsBack = target.readsBack();
		if (options.resume() && !options.dryRun()) {
			Checkpoints.Checkpoint checkpoint = batches
				.execute(status -> checkpoints.find(runKey, entity.source(), total))
				.orElse(null);
			if (checkpoint != null) {
				tally = checkpoint.tally();
				tally.readsBack = target.readsBack();
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
		if (!options.dryRun() && target instanceof BulkTarget<R> bulk) {
			bulk.finish();
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
		if (target instanceof BulkTarget<R> bulk && !options.failFast()) {
			// a batch the database refuses as a whole is done again row by row
			return new FastPathBatch<>(bulk, entity, options, batches, seen, known, rejects,
					tally -> checkpoints.save(runKey, source.description(), tally, false))
				.write(batch, before)
				.orElseGet(() -> rowBatch(batch, before));
		}
		return rowBatch(batch, before);
	}

	/** Row by row, each row a savepoint: the API path, and --fail-fast's. */
	private Tally rowBatch(List<Map<String, Object>> batch, Tally before) {
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
		addedInBatch.clear();
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
			// the keys of a batch that did not commit are not there for later rows
			addedInBatch.forEach(seen::remove);
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
			addedInBatch.add(key);
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
			List<String> stored = target.readBack(List.of(row));
			if (stored != null && stored.get(0) != null) {
				tally.acceptTarget(stored.get(0));
			}
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

	/** A rejection's reason; the database's first line when it refused the row. */
	static String reason(RuntimeException ex) {
		if (ex instanceof DataIntegrityViolationException refused) {
			return "refused by the database: "
					+ refused.getMostSpecificCause().getMessage().lines().findFirst().orElse("");
		}
		return ex.getMessage();
	}

}
