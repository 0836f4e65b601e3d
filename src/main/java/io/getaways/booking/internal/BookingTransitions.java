package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingNotFoundException;
import io.getaways.booking.BookingStartedException;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.BookingStatusConflictException;
import io.getaways.booking.CancellationReason;
import io.getaways.booking.HoldExpiredException;
import io.getaways.catalog.Inventory;
import io.getaways.payment.Payments;
import org.springframework.stereotype.Component;

/**
 * Payment and cancellation. Each locks the booking row first, so a payment, a
 * cancellation and the hold job take turns on one booking, then moves it with a
 * conditional update (a payment's update is its lock: the row is read only when it
 * refuses), and calls the gateway last: a refusal or failure there rolls the whole change
 * back, and the payment module voids a charge whose transaction did not commit.
 */
@Component
class BookingTransitions {

	private final BookingRepository bookings;

	private final Inventory inventory;

	private final Payments payments;

	private final BookingEvents events;

	private final RetryingTransactions transactions;

	private final RefundPolicy refundPolicy;

	BookingTransitions(BookingRepository bookings, Inventory inventory, Payments payments, BookingEvents events,
			RetryingTransactions transactions, BookingSettings settings) {
		this.bookings = bookings;
		this.inventory = inventory;
		this.payments = payments;
		this.events = events;
		this.transactions = transactions;
		this.refundPolicy = RefundPolicy.parse(settings.refund().tiers());
	}

	/**
	 * PENDING -> CONFIRMED: a declined payment answers 402 and leaves the booking
	 * PENDING, its hold running.
	 */
	Booking pay(UUID userId, UUID id) {
		return transactions.write("pay", status -> {
			Booking confirmed = bookings.confirm(id, userId).orElseGet(() -> confirmAfterLock(userId, id)).booking();
			UUID paymentId = confirmed.totalAmount().signum() == 0 ? null
					: payments.capture(id, confirmed.userId(), confirmed.totalAmount(), confirmed.currency()).id();
			events.confirmed(confirmed, paymentId);
			return confirmed;
		});
	}

	/**
	 * The confirmation was refused: with the row locked, say why, or confirm if what
	 * stood in the way is gone.
	 */
	private BookingRow confirmAfterLock(UUID userId, UUID id) {
		BookingRow row = bookings.lockOwn(id, userId).orElseThrow(() -> new BookingNotFoundException(id));
		if (row.status() != BookingStatus.PENDING) {
			throw new BookingStatusConflictException(id, "paid", row.status());
		}
		if (row.holdExpired()) {
			throw new HoldExpiredException(id, row.booking().holdExpiresAt());
		}
		return bookings.confirm(id, userId).orElseThrow(() -> conflict(id, "paid"));
	}

	/** Before the start only; a paid booking is refunded by the refund policy. */
	Booking cancel(UUID userId, UUID id) {
		return transactions.write("cancel", status -> {
			BookingRow row = bookings.lockOwn(id, userId).orElseThrow(() -> new BookingNotFoundException(id));
			requireCancellable(row);
			if (row.started()) {
				throw new BookingStartedException(id, row.booking().startsAt());
			}
			Duration notice = Duration.between(Instant.now(), row.booking().startsAt());
			BigDecimal refund = refundFor(row.booking(), notice);
			return cancel(row, CancellationReason.CUSTOMER, refund,
					"Cancelled by the traveller " + notice.toDays() + " day(s) before the start");
		});
	}

	/**
	 * What a traveller's cancellation at {@code when} would refund: the policy's share of
	 * a paid booking; null when nothing was paid. The cancel page shows it before the
	 * traveller confirms.
	 */
	BigDecimal refundQuote(Booking booking, Instant when) {
		return refundFor(booking, Duration.between(when, booking.startsAt()));
	}

	private BigDecimal refundFor(Booking booking, Duration notice) {
		return booking.status() == BookingStatus.CONFIRMED ? refundPolicy.refundFor(booking.totalAmount(), notice)
				: null;
	}

	/**
	 * Any booking not yet completed, also after its start; whatever was paid is refunded
	 * in full.
	 */
	Booking cancelAsAdmin(UUID id) {
		return transactions.write("admin-cancel", status -> {
			BookingRow row = bookings.lockAny(id).orElseThrow(() -> new BookingNotFoundException(id));
			requireCancellable(row);
			BigDecimal refund = row.status() == BookingStatus.CONFIRMED ? row.booking().totalAmount() : null;
			return cancel(row, CancellationReason.ADMIN, refund, "Cancelled by an admin");
		});
	}

	private Booking cancel(BookingRow row, CancellationReason reason, BigDecimal refund, String why) {
		UUID id = row.id();
		Booking cancelled = bookings.cancel(id, row.status(), reason, refund)
			.orElseThrow(() -> conflict(id, "cancelled"))
			.booking();
		if (row.tripId() != null) {
			inventory.releaseSeats(row.tripId(), cancelled.seats());
		}
		if (refund != null && refund.signum() > 0) {
			payments.refund(id, refund, why)
				.orElseThrow(() -> new IllegalStateException("Booking " + id + " is CONFIRMED but has no captured "
						+ "payment to refund " + refund + " " + cancelled.currency() + " from"));
		}
		events.cancelled(cancelled);
		return cancelled;
	}

	private static void requireCancellable(BookingRow row) {
		if (row.status() != BookingStatus.PENDING && row.status() != BookingStatus.CONFIRMED) {
			throw new BookingStatusConflictException(row.id(), "cancelled", row.status());
		}
	}

	/**
	 * The row is locked, so only a change outside this module can get here; answer with
	 * what is there now.
	 */
	private RuntimeException conflict(UUID id, String action) {
		return bookings.findAny(id)
			.<RuntimeException>map(now -> new BookingStatusConflictException(id, action, now.status()))
			.orElseGet(() -> new BookingNotFoundException(id));
	}

}
