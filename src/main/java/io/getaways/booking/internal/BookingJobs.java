package io.getaways.booking.internal;

import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Runs the sweeps on a schedule. Safe on several instances at once: each batch skips the
 * rows another one has locked. A failing run warns once per outage and is simply tried
 * again at the next interval.
 */
@Component
class BookingJobs {

	private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

	private final BookingSweeps sweeps;

	private final Job holds = new Job("releasing expired holds");

	private final Job completion = new Job("completing finished bookings");

	BookingJobs(BookingSweeps sweeps) {
		this.sweeps = sweeps;
	}

	@Scheduled(fixedDelayString = "${getaways.bookings.hold-sweep-interval:30s}",
			initialDelayString = "${getaways.bookings.hold-sweep-interval:30s}")
	void releaseExpiredHolds() {
		holds.run(sweeps::releaseExpiredHolds);
	}

	@Scheduled(fixedDelayString = "${getaways.bookings.completion-interval:5m}",
			initialDelayString = "${getaways.bookings.completion-interval:5m}")
	void completeFinishedBookings() {
		completion.run(sweeps::completeFinished);
	}

	private static final class Job {

		private final String what;

		private volatile boolean failing;

		Job(String what) {
			this.what = what;
		}

		void run(IntSupplier sweep) {
			try {
				int done = sweep.getAsInt();
				if (failing) {
					log.info("Bookings: {} works again", what);
					failing = false;
				}
				if (done > 0) {
					log.info("Bookings: {}: {} booking(s)", what, done);
				}
			}
			catch (DataAccessException | TransactionException | BookingsBusyException ex) {
				if (!failing) {
					log.warn("Bookings: {} failed, will retry every interval: {}", what, ex.getMessage());
					failing = true;
				}
			}
		}

	}

}
