package io.getaways.imports.internal;

import java.util.List;
import java.util.Set;

/**
 * A target that also writes a whole batch set-based (the fast path): the batch's rows are
 * checked in Java one by one as before, then the target is asked once which keys it holds
 * already and writes the rest with a staging copy and one statement per step, in the
 * batch's transaction.
 */
interface BulkTarget<R> extends ImportTarget<R> {

	/** The keys of these rows the target holds already. */
	Set<String> existing(List<R> rows);

	/**
	 * Writes the rows, none of which the target held when {@link #existing} was asked;
	 * one outcome per row, in order.
	 */
	List<Outcome> insertAll(List<R> rows);

	/**
	 * What the rows refer to, looked up once for the batch: the keys answer without a
	 * query per row. By default, what the run knows.
	 */
	default KnownKeys references(List<R> rows, KnownKeys known) {
		return known;
	}

	/**
	 * After the entity's last batch of a real run: what the target defers from batch to
	 * batch (events announcing many rows at once).
	 */
	default void finish() {
	}

	/** What became of one row of {@link #insertAll}. */
	record Outcome(Kind kind, RowRejectedException rejection) {

		static final Outcome INSERTED = new Outcome(Kind.INSERTED, null);

		/** Someone else inserted the key between the check and the insert. */
		static final Outcome SKIPPED = new Outcome(Kind.SKIPPED, null);

		static Outcome rejected(String field, String reason) {
			return new Outcome(Kind.REJECTED, new RowRejectedException(field, reason));
		}

		enum Kind {

			INSERTED, SKIPPED, REJECTED

		}

	}

}
