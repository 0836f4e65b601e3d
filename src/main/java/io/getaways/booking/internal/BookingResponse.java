package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.getaways.booking.Booking;
import io.getaways.booking.BookingDetails;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.CancellationReason;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.RefundReceipt;

/** One booking; payments and refunds only where one booking is asked for. */
record BookingResponse(UUID id, UUID userId, BookingStatus status, String tripCode, String stayCode, Integer seats,
		Integer guests, LocalDate checkIn, LocalDate checkOut, Instant startsAt, Instant endsAt, BigDecimal unitPrice,
		int quantity, BigDecimal totalAmount, String currency, Instant holdExpiresAt, Instant createdAt,
		Instant updatedAt, Instant confirmedAt, Instant completedAt, Instant cancelledAt,
		CancellationReason cancellationReason, BigDecimal refundAmount,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<PaymentReceipt> payments,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<RefundReceipt> refunds) {

	static BookingResponse of(Booking b) {
		return of(b, null, null);
	}

	static BookingResponse of(BookingDetails details) {
		return of(details.booking(), details.payments(), details.refunds());
	}

	private static BookingResponse of(Booking b, List<PaymentReceipt> payments, List<RefundReceipt> refunds) {
		return new BookingResponse(b.id(), b.userId(), b.status(), b.tripCode(), b.stayCode(), b.seats(), b.guests(),
				b.checkIn(), b.checkOut(), b.startsAt(), b.endsAt(), b.unitPrice(), b.quantity(), b.totalAmount(),
				b.currency(), b.holdExpiresAt(), b.createdAt(), b.updatedAt(), b.confirmedAt(), b.completedAt(),
				b.cancelledAt(), b.cancellationReason(), b.refundAmount(), payments, refunds);
	}
}
