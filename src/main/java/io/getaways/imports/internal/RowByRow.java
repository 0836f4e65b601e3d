package io.getaways.imports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.getaways.platform.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch written one row at a time, each row a savepoint of the batch's transaction: for
 * targets whose constraints refuse a statement rather than a row (an exclusion
 * constraint, one capture per booking), so one refused row is rejected and the rest of
 * the batch goes in.
 */
final class RowByRow {

	private RowByRow() {
	}

	static <R> List<BulkTarget.Outcome> insertEach(List<R> rows, TransactionTemplate savepoints, Consumer<R> insert) {
		List<BulkTarget.Outcome> outcomes = new ArrayList<>(rows.size());
		for (R row : rows) {
			try {
				savepoints.executeWithoutResult(status -> insert.accept(row));
				outcomes.add(BulkTarget.Outcome.INSERTED);
			}
			catch (RowRejectedException ex) {
				outcomes.add(new BulkTarget.Outcome(BulkTarget.Outcome.Kind.REJECTED, ex));
			}
			catch (DomainException | DataIntegrityViolationException ex) {
				outcomes.add(new BulkTarget.Outcome(BulkTarget.Outcome.Kind.REJECTED,
						new RowRejectedException(null, EntityImport.reason(ex))));
			}
		}
		return outcomes;
	}

	/** An API's refusal of a parameter, named as the mapping's field. */
	static RowRejectedException rejected(io.getaways.platform.InvalidParameterException ex, String field) {
		return new RowRejectedException(field, ex.getMessage().replaceFirst("^Invalid parameter '[^']*': ", ""));
	}

}
