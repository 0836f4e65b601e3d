package io.getaways.booking;

import java.util.List;

import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.RefundReceipt;

/** A booking with the money that moved for it, oldest first. */
public record BookingDetails(Booking booking, List<PaymentReceipt> payments, List<RefundReceipt> refunds) {
}
