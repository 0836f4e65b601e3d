package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.getaways.identity.UserAccount;
import io.getaways.platform.web.DomainStatuses;
import io.getaways.payment.BookingAlreadyPaidException;
import io.getaways.payment.PaymentDeclinedException;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.PaymentTestData;
import io.getaways.payment.Payments;
import io.getaways.payment.RefundExceedsPaymentException;
import io.getaways.payment.RefundReceipt;
import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payments.capture and refund inside real transactions over real booking rows: what is recorded, what the gateway
 * was asked, and what happens at the gateway when the transaction does not commit.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentsIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	Payments payments;

	@Autowired
	SimulatedPaymentGateway gateway;

	@Autowired
	TransactionTemplate transactions;

	PaymentTestData data;
	UserAccount traveller;

	@BeforeAll
	void setUp() {
		data = new PaymentTestData(context);
		traveller = data.newUser("customer");
	}

	@Test
	void aCaptureIsRecordedWithTheGatewaysReferenceAndPublishedInTheSameTransaction() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("120.00"));

		PaymentReceipt receipt = inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("120.00"), "USD"));

		assertThat(receipt.status()).isEqualTo("CAPTURED");
		assertThat(receipt.bookingId()).isEqualTo(booking);
		assertThat(receipt.amount()).isEqualByComparingTo("120.00");
		assertThat(receipt.refundedAmount()).isEqualByComparingTo("0");
		assertThat(receipt.gatewayReference()).startsWith(SimulatedPaymentGateway.CHARGE_PREFIX);
		assertThat(gateway.charge(receipt.gatewayReference())).get()
			.satisfies(charge -> {
				assertThat(charge.amount()).isEqualByComparingTo("120.00");
				assertThat(charge.merchantReference()).isEqualTo(booking.toString());
				assertThat(charge.voided()).isFalse();
			});
		assertThat(data.queryLong("""
				SELECT count(*) FROM app.payments
				WHERE id = ? AND booking_id = ? AND user_id = ? AND status = 'CAPTURED' AND gateway_reference = ?
				  AND amount = 120.00 AND currency = 'USD'""", receipt.id(), booking, traveller.id(),
				receipt.gatewayReference())).isEqualTo(1);
		assertThat(published("PaymentCaptured", receipt.id())).isPositive();
		assertThat(asUser(traveller, () -> payments.paymentsOf(booking))).containsExactly(receipt);
	}

	@Test
	void anotherTravellerSeesNoneOfTheBookingsPaymentsOrRefunds() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("80.00"));
		inTransaction(traveller, () -> payments.capture(booking, traveller.id(), new BigDecimal("80.00"), "USD"));
		inTransaction(traveller, () -> payments.refund(booking, new BigDecimal("10.00"), "partial"));
		UserAccount stranger = data.newUser("customer");

		assertThat(asUser(stranger, () -> payments.paymentsOf(booking))).isEmpty();
		assertThat(asUser(stranger, () -> payments.refundsOf(booking))).isEmpty();
		assertThat(asUser(traveller, () -> payments.refundsOf(booking))).hasSize(1);
		// and it cannot refund it either: the captured payment is invisible to it
		assertThat(inTransaction(stranger, () -> payments.refund(booking, new BigDecimal("5.00"), "theft"))).isEmpty();
	}

	@Test
	void refundsAddUpToThePaymentAndNeverBeyondIt() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("200.00"));
		PaymentReceipt paid = inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("200.00"), "USD"));

		assertThatThrownBy(() -> inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("200.01"), "too much")))
			.isInstanceOf(RefundExceedsPaymentException.class)
			.hasMessageContaining("200.00 USD left");
		RefundReceipt first = inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("50.00"), "changed plans")).orElseThrow();
		RefundReceipt second = inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("150.00"), "cancelled")).orElseThrow();
		assertThatThrownBy(() -> inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("0.01"), "one cent more")))
			.isInstanceOf(RefundExceedsPaymentException.class);

		assertThat(List.of(first, second)).allSatisfy(refund -> {
			assertThat(refund.status()).isEqualTo("SUCCEEDED");
			assertThat(refund.paymentId()).isEqualTo(paid.id());
			assertThat(refund.currency()).isEqualTo("USD");
			assertThat(refund.gatewayReference()).startsWith(SimulatedPaymentGateway.REFUND_PREFIX);
		});
		assertThat(data.queryLong("SELECT count(*) FROM app.refunds WHERE booking_id = ?", booking)).isEqualTo(2);
		assertThat(data.queryLong("SELECT count(*) FROM app.payments WHERE id = ? AND refunded_amount = 200.00",
				paid.id())).isEqualTo(1);
		assertThat(gateway.charge(paid.gatewayReference()).orElseThrow().refunded()).isEqualByComparingTo("200.00");
		assertThat(published("RefundIssued", first.id())).isPositive();
		assertThat(published("RefundIssued", second.id())).isPositive();
		assertThat(asUser(traveller, () -> payments.refundsOf(booking))).containsExactly(first, second);
		assertThat(asUser(traveller, () -> payments.paymentsOf(booking)).get(0).refundedAmount())
			.isEqualByComparingTo("200.00");
	}

	@Test
	void aRefundOfNothingOrOfAnUnpaidBookingIsEmpty() {
		UUID unpaid = data.newBooking(traveller.id(), new BigDecimal("40.00"));
		assertThat(inTransaction(traveller, () -> payments.refund(unpaid, new BigDecimal("40.00"), "no payment")))
			.isEmpty();
		UUID paid = data.newBooking(traveller.id(), new BigDecimal("40.00"));
		inTransaction(traveller, () -> payments.capture(paid, traveller.id(), new BigDecimal("40.00"), "USD"));
		assertThat(inTransaction(traveller, () -> payments.refund(paid, BigDecimal.ZERO, "policy: nothing back")))
			.isEmpty();
		assertThat(data.queryLong("SELECT count(*) FROM app.refunds WHERE booking_id IN (?, ?)", unpaid, paid))
			.isZero();
	}

	@Test
	void captureAndRefundRefuseToRunOutsideTheCallersTransaction() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("10.00"));
		assertThatThrownBy(() -> ActorContext.callAs(PaymentTestData.customer(traveller),
				() -> payments.capture(booking, traveller.id(), new BigDecimal("10.00"), "USD")))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> ActorContext.callAs(PaymentTestData.customer(traveller),
				() -> payments.refund(booking, new BigDecimal("10.00"), "no transaction")))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(gateway.chargesFor(booking.toString())).isEmpty();
	}

	@Test
	void moneyThatDoesNotFitTheLedgerIsAProgrammingErrorAndNeverReachesTheGateway() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("10.00"));
		for (String[] money : new String[][] { { "10.005", "USD" }, { "-10.00", "USD" }, { "0", "USD" },
				{ "10000000000", "USD" }, { "10.00", "usd" }, { "10.00", "EURO" } }) {
			assertThatThrownBy(() -> inTransaction(traveller,
					() -> payments.capture(booking, traveller.id(), new BigDecimal(money[0]), money[1])))
				.as(String.join(" ", money))
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> inTransaction(traveller,
				() -> payments.refund(booking, new BigDecimal("-1.00"), "negative")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(gateway.chargesFor(booking.toString())).isEmpty();
	}

	@Test
	void aSecondCaptureOfABookingIsRefusedBeforeTheGatewayIsAsked() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("60.00"));
		inTransaction(traveller, () -> payments.capture(booking, traveller.id(), new BigDecimal("60.00"), "USD"));

		assertThatThrownBy(() -> inTransaction(traveller,
				() -> payments.capture(booking, traveller.id(), new BigDecimal("60.00"), "USD")))
			.isInstanceOf(BookingAlreadyPaidException.class);
		assertThat(gateway.chargesFor(booking.toString())).hasSize(1);
		assertThat(data.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isEqualTo(1);
	}

	@Test
	void aDeclineThrowsAndRecordsNothing() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("75.00"));
		Payments declining = ledgerWith(
				new SimulatedPaymentGateway(new SimulatedGatewaySettings(Duration.ZERO, 1.0)));

		assertThatThrownBy(() -> inTransaction(traveller,
				() -> declining.capture(booking, traveller.id(), new BigDecimal("75.00"), "USD")))
			.isInstanceOfSatisfying(PaymentDeclinedException.class, declined -> {
				assertThat(declined.bookingId()).isEqualTo(booking);
				assertThat(DomainStatuses.of(declined).value()).isEqualTo(402);
				assertThat(declined.properties()).containsEntry("reason", "card declined (simulated)");
			});
		assertThat(data.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isZero();
	}

	@Test
	void aRollbackAfterTheCaptureVoidsTheChargeAtTheGateway() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("90.00"));

		PaymentReceipt receipt = ActorContext.callAs(PaymentTestData.customer(traveller),
				() -> transactions.execute(status -> {
					PaymentReceipt captured = payments.capture(booking, traveller.id(), new BigDecimal("90.00"), "USD");
					assertThat(gateway.charge(captured.gatewayReference()).orElseThrow().voided()).isFalse();
					status.setRollbackOnly();
					return captured;
				}));

		assertThat(gateway.charge(receipt.gatewayReference()).orElseThrow().voided()).isTrue();
		assertThat(data.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isZero();
		assertThat(published("PaymentCaptured", receipt.id())).isZero();
	}

	@Test
	void aFailureLaterInTheCallersTransactionVoidsTheChargeToo() {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("95.00"));

		assertThatThrownBy(() -> inTransaction(traveller, () -> {
			payments.capture(booking, traveller.id(), new BigDecimal("95.00"), "USD");
			throw new IllegalStateException("the booking could not be confirmed");
		})).hasMessage("the booking could not be confirmed");

		assertThat(gateway.chargesFor(booking.toString())).singleElement()
			.satisfies(charge -> assertThat(charge.voided()).isTrue());
		assertThat(data.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isZero();
	}

	@Test
	void concurrentCapturesOfOneBookingChargeItOnceAndVoidTheLosersCharge() throws Exception {
		UUID booking = data.newBooking(traveller.id(), new BigDecimal("300.00"));
		// a slow gateway lets every attempt pass the "already paid?" check before any of them records its charge
		SimulatedPaymentGateway slowGateway = new SimulatedPaymentGateway(
				new SimulatedGatewaySettings(Duration.ofMillis(300), 0.0));
		Payments slow = ledgerWith(slowGateway);
		int attempts = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		List<Future<PaymentReceipt>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < attempts; i++) {
				outcomes.add(pool.submit((Callable<PaymentReceipt>) () -> {
					start.await();
					return inTransaction(traveller,
							() -> slow.capture(booking, traveller.id(), new BigDecimal("300.00"), "USD"));
				}));
			}
			start.countDown();
			int paid = 0;
			for (Future<PaymentReceipt> outcome : outcomes) {
				try {
					outcome.get();
					paid++;
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(BookingAlreadyPaidException.class);
				}
			}
			assertThat(paid).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(data.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isEqualTo(1);
		List<SimulatedPaymentGateway.Charge> charges = slowGateway.chargesFor(booking.toString());
		assertThat(charges).filteredOn(charge -> !charge.voided()).hasSize(1);
		assertThat(charges.size()).as("charges kept or voided").isGreaterThan(1);
	}

	/** A ledger over the context's database and outbox, with a simulated gateway of its own settings. */
	private Payments ledgerWith(SimulatedPaymentGateway otherGateway) {
		return new PaymentLedger(context.getBean(PaymentRepository.class), otherGateway,
				context.getBean(GatewayCompensation.class), context, new SimpleMeterRegistry());
	}

	private <T> T inTransaction(UserAccount user, Supplier<T> work) {
		return ActorContext.callAs(PaymentTestData.customer(user), () -> transactions.execute(status -> work.get()));
	}

	private <T> T asUser(UserAccount user, Supplier<T> work) {
		return ActorContext.callAs(PaymentTestData.customer(user), work);
	}

	private long published(String eventName, UUID id) {
		return data.queryLong("""
				SELECT count(*) FROM app.event_publication
				WHERE event_type = ? AND serialized_event LIKE '%' || ? || '%'""", "io.getaways.payment." + eventName,
				id.toString());
	}
}
