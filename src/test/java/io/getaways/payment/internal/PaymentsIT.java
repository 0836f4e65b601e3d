package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.getaways.identity.UserAccount;
import io.getaways.payment.BookingAlreadyPaidException;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.Payments;
import io.getaways.payment.RefundExceedsPaymentException;
import io.getaways.payment.RefundReceipt;
import io.getaways.payment.TestPayers;
import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

import static io.getaways.payment.TestPayers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payments.capture and refund inside real transactions over real booking rows: what is
 * recorded and published, what the gateway was asked, who sees it, and what is refused
 * before the gateway is asked.
 */
@IntegrationTest
class PaymentsIT extends AbstractPaymentIT {

	@Autowired
	Payments payments;

	@Autowired
	SimulatedPaymentGateway gateway;

	@Test
	void aCaptureIsRecordedWithTheGatewaysReferenceAndPublishedInTheSameTransaction() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("120.00"));

		PaymentReceipt receipt = payers.inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("120.00"), "USD"));

		assertThat(receipt.status()).isEqualTo("CAPTURED");
		assertThat(receipt.bookingId()).isEqualTo(booking);
		assertThat(receipt.amount()).isEqualByComparingTo("120.00");
		assertThat(receipt.refundedAmount()).isEqualByComparingTo("0");
		assertThat(receipt.gatewayReference()).startsWith(SimulatedPaymentGateway.CHARGE_PREFIX);
		assertThat(gateway.charge(receipt.gatewayReference())).get().satisfies(charge -> {
			assertThat(charge.amount()).isEqualByComparingTo("120.00");
			assertThat(charge.merchantReference()).isEqualTo(booking.toString());
			assertThat(charge.voided()).isFalse();
		});
		assertThat(payers.queryLong("""
				SELECT count(*) FROM app.payments
				WHERE id = ? AND booking_id = ? AND user_id = ? AND status = 'CAPTURED' AND gateway_reference = ?
				  AND amount = 120.00 AND currency = 'USD'""", receipt.id(), booking, traveller.id(),
				receipt.gatewayReference()))
			.isEqualTo(1);
		assertThat(payers.published("PaymentCaptured", receipt.id())).isPositive();
		assertThat(as(traveller, () -> payments.paymentsOf(booking))).containsExactly(receipt);
	}

	@Test
	void anotherTravellerSeesNoneOfTheBookingsPaymentsOrRefunds() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("80.00"));
		payers.inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("80.00"), "USD"));
		payers.inTransaction(traveller, () -> payments.refund(booking, new BigDecimal("10.00"), "partial"));
		UserAccount stranger = payers.newUser("customer");

		assertThat(as(stranger, () -> payments.paymentsOf(booking))).isEmpty();
		assertThat(as(stranger, () -> payments.refundsOf(booking))).isEmpty();
		assertThat(as(traveller, () -> payments.refundsOf(booking))).hasSize(1);
		// and it cannot refund it either: the captured payment is invisible to it
		assertThat(payers.inTransaction(stranger, () -> payments.refund(booking, new BigDecimal("5.00"), "theft")))
			.isEmpty();
	}

	@Test
	void refundsAddUpToThePaymentAndNeverBeyondIt() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("200.00"));
		PaymentReceipt paid = payers.inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("200.00"), "USD"));

		assertThatThrownBy(() -> payers.inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("200.01"), "too much")))
			.isInstanceOf(RefundExceedsPaymentException.class)
			.hasMessageContaining("200.00 USD left");
		RefundReceipt first = payers
			.inTransaction(traveller, () -> payments.refund(booking, new BigDecimal("50.00"), "changed plans"))
			.orElseThrow();
		RefundReceipt second = payers
			.inTransaction(traveller, () -> payments.refund(booking, new BigDecimal("150.00"), "cancelled"))
			.orElseThrow();
		assertThatThrownBy(() -> payers.inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("0.01"), "one cent more")))
			.isInstanceOf(RefundExceedsPaymentException.class);

		assertThat(List.of(first, second)).allSatisfy(refund -> {
			assertThat(refund.status()).isEqualTo("SUCCEEDED");
			assertThat(refund.paymentId()).isEqualTo(paid.id());
			assertThat(refund.currency()).isEqualTo("USD");
			assertThat(refund.gatewayReference()).startsWith(SimulatedPaymentGateway.REFUND_PREFIX);
		});
		assertThat(payers.queryLong("SELECT count(*) FROM app.refunds WHERE booking_id = ?", booking)).isEqualTo(2);
		assertThat(payers.queryLong("SELECT count(*) FROM app.payments WHERE id = ? AND refunded_amount = 200.00",
				paid.id()))
			.isEqualTo(1);
		assertThat(gateway.charge(paid.gatewayReference()).orElseThrow().refunded()).isEqualByComparingTo("200.00");
		assertThat(payers.published("RefundIssued", first.id())).isPositive();
		assertThat(payers.published("RefundIssued", second.id())).isPositive();
		assertThat(as(traveller, () -> payments.refundsOf(booking))).containsExactly(first, second);
		assertThat(as(traveller, () -> payments.paymentsOf(booking)).get(0).refundedAmount())
			.isEqualByComparingTo("200.00");
	}

	@Test
	void aRefundOfNothingOrOfAnUnpaidBookingIsEmpty() {
		UUID unpaid = payers.newBooking(traveller.id(), new BigDecimal("40.00"));
		assertThat(
				payers.inTransaction(traveller, () -> payments.refund(unpaid, new BigDecimal("40.00"), "no payment")))
			.isEmpty();
		UUID paid = payers.newBooking(traveller.id(), new BigDecimal("40.00"));
		payers.inTransaction(traveller, () -> payments.capture(paid, traveller.id(), new BigDecimal("40.00"), "USD"));
		assertThat(
				payers.inTransaction(traveller, () -> payments.refund(paid, BigDecimal.ZERO, "policy: nothing back")))
			.isEmpty();
		assertThat(payers.queryLong("SELECT count(*) FROM app.refunds WHERE booking_id IN (?, ?)", unpaid, paid))
			.isZero();
	}

	@Test
	void captureAndRefundRefuseToRunOutsideTheCallersTransaction() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("10.00"));
		assertThatThrownBy(() -> ActorContext.callAs(TestPayers.customer(traveller),
				() -> payments.capture(booking, traveller.id(), new BigDecimal("10.00"), "USD")))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> ActorContext.callAs(TestPayers.customer(traveller),
				() -> payments.refund(booking, new BigDecimal("10.00"), "no transaction")))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(gateway.chargesFor(booking.toString())).isEmpty();
	}

	@Test
	void moneyThatDoesNotFitTheLedgerIsAProgrammingErrorAndNeverReachesTheGateway() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("10.00"));
		for (String[] money : new String[][] { { "10.005", "USD" }, { "-10.00", "USD" }, { "0", "USD" },
				{ "10000000000", "USD" }, { "10.00", "usd" }, { "10.00", "EURO" } }) {
			assertThatThrownBy(() -> payers.inTransaction(traveller,
					() -> payments.capture(booking, traveller.id(), new BigDecimal(money[0]), money[1])))
				.as(String.join(" ", money))
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> payers.inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("-1.00"), "negative")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(gateway.chargesFor(booking.toString())).isEmpty();
	}

	@Test
	void aSecondCaptureOfABookingIsRefusedBeforeTheGatewayIsAsked() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("60.00"));
		payers.inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("60.00"), "USD"));

		assertThatThrownBy(() -> payers.inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("60.00"), "USD")))
			.isInstanceOf(BookingAlreadyPaidException.class);
		assertThat(gateway.chargesFor(booking.toString())).hasSize(1);
		assertThat(payers.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isEqualTo(1);
	}

}
