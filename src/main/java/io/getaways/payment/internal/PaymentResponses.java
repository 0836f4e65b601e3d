package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.getaways.payment.RefundReceipt;

/**
 * What the admin views answer; amounts are JSON numbers with two decimals, times ISO-8601
 * instants.
 */
final class PaymentResponses {

	private PaymentResponses() {
	}

	record PageResponse(List<PaymentResponse> items, int page, int size, long totalItems, long totalPages) {

		static PageResponse of(PaymentAdministration.Page page) {
			return new PageResponse(page.items().stream().map(payment -> PaymentResponse.of(payment, null)).toList(),
					page.page(), page.size(), page.totalItems(), (page.totalItems() + page.size() - 1) / page.size());
		}
	}

	/** A payment; {@code refunds} only in the single-payment view. */
	record PaymentResponse(UUID id, UUID bookingId, UUID userId, BigDecimal amount, String currency, String status,
			String gatewayReference, String failureReason, BigDecimal refundedAmount, Instant createdAt,
			Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<RefundResponse> refunds) {

		static PaymentResponse of(PaymentRecord payment, List<RefundReceipt> refunds) {
			return new PaymentResponse(payment.id(), payment.bookingId(), payment.userId(), payment.amount(),
					payment.currency(), payment.status(), payment.gatewayReference(), payment.failureReason(),
					payment.refundedAmount(), payment.createdAt(), payment.updatedAt(),
					refunds == null ? null : refunds.stream().map(RefundResponse::of).toList());
		}

		static PaymentResponse of(PaymentAdministration.Details details) {
			return of(details.payment(), details.refunds());
		}
	}

	record RefundResponse(UUID id, BigDecimal amount, String currency, String status, String gatewayReference,
			String reason, Instant createdAt) {

		static RefundResponse of(RefundReceipt refund) {
			return new RefundResponse(refund.id(), refund.amount(), refund.currency(), refund.status(),
					refund.gatewayReference(), refund.reason(), refund.createdAt());
		}
	}

}
