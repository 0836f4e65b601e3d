package io.getaways.imports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.getaways.platform.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch on the fast path: the rows checked in Java one by one, the target asked once
 * which keys it holds and once what the rows refer to, the rest written set-based; the
 * batch and its checkpoint one transaction. Rejections are written once the batch has
 * committed.
 */
final class FastPathBatch<R> {

	private final BulkTarget<R> bulk;

	private final ImportMapping.EntityMapping entity;

	private final ImportOptions options;

	private final TransactionTemplate batches;

	private final SeenKeys seen;

	private final ImportTarget.KnownKeys known;

	private final RejectsFile rejects;

	private final Consumer<Tally> checkpoint;

	/** Keys this batch added to {@link #seen}, taken back when it does not commit. */
	private final List<String> addedInBatch = new ArrayList<>();

	private final List<String[]> rejected = new ArrayList<>();

	FastPathBatch(BulkTarget<R> bulk, ImportMapping.EntityMapping entity, ImportOptions options,
			TransactionTemplate batches, SeenKeys seen, ImportTarget.KnownKeys known, RejectsFile rejects,
			Consumer<Tally> checkpoint) {
		this.bulk = bulk;
		this.entity = entity;
		this.options = options;
		this.batches = batches;
		this.seen = seen;
		this.known = known;
		this.rejects = rejects;
		this.checkpoint = checkpoint;
	}

	/**
	 * The tally after the batch; empty when the database refused the batch as a whole (a
	 * constraint the checks did not foresee), which the caller then does row by row so
	 * that only the offending row is rejected, with the database's reason.
	 */
	Optional<Tally> write(List<Map<String, Object>> batch, Tally before) {
		Tally after;
		try {
			after = batches.execute(status -> {
				if (options.dryRun()) {
					status.setRollbackOnly();
				}
				return inTransaction(batch, before);
			});
		}
		catch (DataIntegrityViolationException | DomainException ex) {
			addedInBatch.forEach(seen::remove);
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			addedInBatch.forEach(seen::remove);
			throw ex;
		}
		rejected.forEach(reject -> rejects.reject(entity.source(), reject[0], reject[1]));
		return Optional.of(after);
	}

	private Tally inTransaction(List<Map<String, Object>> batch, Tally before) {
		rejected.clear();
		Tally tally = before.copy();
		List<R> candidates = new ArrayList<>(batch.size());
		List<String> keys = new ArrayList<>(batch.size());
		for (Map<String, Object> raw : batch) {
			String key = RowMapper.rawKey(entity, raw);
			try {
				R row = bulk.row(RowMapper.map(entity, raw));
				key = bulk.key(row);
				if (!seen.add(key)) {
					throw new RowRejectedException(entity.key(), "duplicate key in the source");
				}
				addedInBatch.add(key);
				candidates.add(row);
				keys.add(key);
			}
			catch (RowRejectedException | DomainException ex) {
				rejected.add(new String[] { key, EntityImport.reason(ex) });
			}
		}
		Set<String> existing = candidates.isEmpty() ? Set.of() : bulk.existing(candidates);
		List<R> accepted = new ArrayList<>(candidates.size());
		List<R> fresh = new ArrayList<>(candidates.size());
		List<String> freshKeys = new ArrayList<>(candidates.size());
		ImportTarget.KnownKeys referenced = candidates.isEmpty() ? known : bulk.references(candidates, known);
		for (int i = 0; i < candidates.size(); i++) {
			R row = candidates.get(i);
			if (existing.contains(keys.get(i))) {
				tally.skipped++;
				tally.accept(bulk.canonical(row));
				accepted.add(row);
				continue;
			}
			try {
				bulk.checkReferences(row, referenced);
				fresh.add(row);
				freshKeys.add(keys.get(i));
			}
			catch (RowRejectedException | DomainException ex) {
				reject(keys.get(i), ex);
			}
		}
		if (options.dryRun()) {
			for (R row : fresh) {
				tally.inserted++;
				tally.accept(bulk.canonical(row));
			}
		}
		else if (!fresh.isEmpty()) {
			write(fresh, freshKeys, tally, accepted);
		}
		readBack(accepted, tally);
		tally.rejected += rejected.size();
		tally.position += batch.size();
		if (!options.dryRun()) {
			checkpoint.accept(tally);
		}
		return tally;
	}

	/**
	 * The target side of the checksums: the batch's accepted rows as the target holds
	 * them, in the batch's transaction (a dry run finds only the rows it skipped).
	 */
	private void readBack(List<R> accepted, Tally tally) {
		List<String> stored = accepted.isEmpty() ? null : bulk.readBack(accepted);
		if (stored != null) {
			stored.stream().filter(Objects::nonNull).forEach(tally::acceptTarget);
		}
	}

	private void write(List<R> fresh, List<String> freshKeys, Tally tally, List<R> accepted) {
		List<BulkTarget.Outcome> outcomes = bulk.insertAll(fresh);
		for (int i = 0; i < fresh.size(); i++) {
			BulkTarget.Outcome outcome = outcomes.get(i);
			switch (outcome.kind()) {
				case INSERTED -> tally.inserted++;
				case SKIPPED -> tally.skipped++;
				case REJECTED -> {
					reject(freshKeys.get(i), outcome.rejection());
					continue;
				}
			}
			tally.accept(bulk.canonical(fresh.get(i)));
			accepted.add(fresh.get(i));
		}
	}

	/** A rejected row is not there for later rows to refer to. */
	private void reject(String key, RuntimeException ex) {
		rejected.add(new String[] { key, EntityImport.reason(ex) });
		seen.remove(key);
	}

}
