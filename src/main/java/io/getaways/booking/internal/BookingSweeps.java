package io.getaways.booking.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.getaways.catalog.Inventory;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.stereotype.Component;

/**
 * What the jobs do, callable directly: expired holds become CANCELLED (HOLD_EXPIRED) and
 * give their seats back, paid bookings whose end has passed become COMPLETED. Each batch
 * is one transaction under the job's own database role and name, so the audit log says
 * which job acted.
 */
@Component
class BookingSweeps {

	static final String HOLDS_JOB = "booking-holds";
	static final String COMPLETION_JOB = "booking-completion";

	private final LapsedBookings lapsed;

	private final Inventory inventory;

	private final BookingEvents events;

	private final RetryingTransactions transactions;

	private final int batchSize;

	BookingSweeps(LapsedBookings lapsed, Inventory inventory, BookingEvents events, RetryingTransactions transactions,
			BookingSettings settings) {
		this.lapsed = lapsed;
		this.inventory = inventory;
		this.events = events;
		this.transactions = transactions;
		this.batchSize = settings.jobBatchSize();
	}

	/** Every hold expired by now, batch after batch; returns how many were released. */
	int releaseExpiredHolds() {
		return inBatches(HOLDS_JOB, () -> release(() -> lapsed.expireHolds(batchSize)));
	}

	/**
	 * One batch of the trip's expired holds, for a booking that found the trip sold out.
	 */
	int releaseExpiredHoldsOfTrip(String tripCode) {
		return ActorContext.callAs(Actor.job(HOLDS_JOB),
				() -> release(() -> lapsed.expireHoldsOfTrip(tripCode, batchSize)));
	}

	/**
	 * One batch of the stay's expired holds, for a booking that found its nights taken.
	 */
	int releaseExpiredHoldsOfStay(long stayId) {
		return ActorContext.callAs(Actor.job(HOLDS_JOB),
				() -> release(() -> lapsed.expireHoldsOfStay(stayId, batchSize)));
	}

	int completeFinished() {
		return inBatches(COMPLETION_JOB, () -> transactions.write("booking-completion", status -> {
			List<BookingRow> completed = lapsed.completeFinished(batchSize);
			completed.forEach(row -> events.completed(row.booking()));
			return completed.size();
		}));
	}

	private int release(Supplier<List<BookingRow>> expire) {
		return transactions.write("hold-expiry", status -> {
			List<BookingRow> expired = expire.get();
			// one update per trip, in id order, so two sweeps never wait for each other's
			// trips in a cycle
			Map<Long, Integer> seatsByTrip = new TreeMap<>();
			for (BookingRow row : expired) {
				if (row.tripId() != null) {
					seatsByTrip.merge(row.tripId(), row.booking().seats(), Integer::sum);
				}
			}
			seatsByTrip.forEach(inventory::releaseSeats);
			expired.forEach(row -> events.cancelled(row.booking()));
			return expired.size();
		});
	}

	private int inBatches(String job, Supplier<Integer> batch) {
		return ActorContext.callAs(Actor.job(job), () -> {
			int total = 0;
			int done;
			do {
				done = batch.get();
				total += done;
			}
			while (done == batchSize);
			return total;
		});
	}

}
