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

import io.getaways.payment.BookingAlreadyPaidException;
import io.getaways.payment.PaymentDeclinedException;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.Payments;
import io.getaways.payment.TestPayers;
import io.getaways.platform.ActorContext;
import io.getaways.platform.web.DomainStatuses;
import io.getaways.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A capture that does not commit leaves no payment and no kept charge: a decline records
 * nothing, and a charge whose transaction rolls back, fails later or loses a race for the
 * booking is voided at the gateway.
 */
@IntegrationTest
class CaptureFailuresIT extends AbstractPaymentIT {

	@Autowired
	Payments payments;

	@Autowired
	SimulatedPaymentGateway gateway;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aDeclineThrowsAndRecordsNothing() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("75.00"));
		Payments declining = ledgerWith(new SimulatedPaymentGateway(new SimulatedGatewaySettings(Duration.ZERO, 1.0)));

		assertThatThrownBy(() -> payers.inTransaction(traveller,
				() -> declining.capture(booking, traveller.id(), new BigDecimal("75.00"), "USD")))
			.isInstanceOfSatisfying(PaymentDeclinedException.class, declined -> {
				assertThat(declined.bookingId()).isEqualTo(booking);
				assertThat(DomainStatuses.of(declined).value()).isEqualTo(402);
				assertThat(declined.properties()).containsEntry("reason", "card declined (simulated)");
			});
		assertThat(payers.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isZero();
	}

	@Test
	void aRollbackAfterTheCaptureVoidsTheChargeAtTheGateway() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("90.00"));

		PaymentReceipt receipt = ActorContext.callAs(TestPayers.customer(traveller),
				() -> transactions.execute(status -> {
					PaymentReceipt captured = payments.capture(booking, traveller.id(), new BigDecimal("90.00"), "USD");
					assertThat(gateway.charge(captured.gatewayReference()).orElseThrow().voided()).isFalse();
					status.setRollbackOnly();
					return captured;
				}));

		assertThat(gateway.charge(receipt.gatewayReference()).orElseThrow().voided()).isTrue();
		assertThat(payers.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isZero();
		assertThat(payers.published("PaymentCaptured", receipt.id())).isZero();
	}

	@Test
	void aFailureLaterInTheCallersTransactionVoidsTheChargeToo() {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("95.00"));

		assertThatThrownBy(() -> payers.inTransaction(traveller, () -> {
			payments.capture(booking, traveller.id(), new BigDecimal("95.00"), "USD");
			throw new IllegalStateException("the booking could not be confirmed");
		})).hasMessage("the booking could not be confirmed");

		assertThat(gateway.chargesFor(booking.toString())).singleElement()
			.satisfies(charge -> assertThat(charge.voided()).isTrue());
		assertThat(payers.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isZero();
	}

	@Test
	void concurrentCapturesOfOneBookingChargeItOnceAndVoidTheLosersCharge() throws Exception {
		UUID booking = payers.newBooking(traveller.id(), new BigDecimal("300.00"));
		// a slow gateway lets every attempt pass the "already paid?" check before any of
		// them records its charge
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
					return payers.inTransaction(traveller,
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
		assertThat(payers.queryLong("SELECT count(*) FROM app.payments WHERE booking_id = ?", booking)).isEqualTo(1);
		List<SimulatedPaymentGateway.Charge> charges = slowGateway.chargesFor(booking.toString());
		assertThat(charges).filteredOn(charge -> !charge.voided()).hasSize(1);
		assertThat(charges.size()).as("charges kept or voided").isGreaterThan(1);
	}

	/**
	 * A ledger over the context's database and outbox, with a simulated gateway of its
	 * own settings.
	 */
	private Payments ledgerWith(SimulatedPaymentGateway otherGateway) {
		return new PaymentLedger(context.getBean(PaymentRepository.class), otherGateway,
				context.getBean(GatewayCompensation.class), context, new SimpleMeterRegistry());
	}

}
