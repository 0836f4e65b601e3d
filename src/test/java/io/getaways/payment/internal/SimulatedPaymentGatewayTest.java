package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.getaways.payment.GatewayDeclinedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPaymentGatewayTest {

	private final SimulatedPaymentGateway gateway = gateway(Duration.ZERO, 0.0);

	@Test
	void aCaptureAnswersWithAFreshReferenceAndOneTokenChargesOnce() {
		String first = gateway.capture(new BigDecimal("10.00"), "EUR", "booking-1", "token-1");
		String again = gateway.capture(new BigDecimal("10.00"), "EUR", "booking-1", "token-1");
		String other = gateway.capture(new BigDecimal("10.00"), "EUR", "booking-1", "token-2");

		assertThat(first).startsWith(SimulatedPaymentGateway.CHARGE_PREFIX).isEqualTo(again).isNotEqualTo(other);
		assertThat(gateway.chargesFor("booking-1")).hasSize(2);
	}

	@Test
	void refundsNeverExceedTheChargeAndAVoidedChargeCannotBeRefunded() {
		String charge = gateway.capture(new BigDecimal("10.00"), "EUR", "booking-2", "token-3");
		assertThat(gateway.refund(charge, new BigDecimal("6.00"))).startsWith(SimulatedPaymentGateway.REFUND_PREFIX);
		assertThatThrownBy(() -> gateway.refund(charge, new BigDecimal("4.01")))
			.isInstanceOf(GatewayDeclinedException.class);
		gateway.refund(charge, new BigDecimal("4.00"));
		assertThat(gateway.charge(charge).orElseThrow().refunded()).isEqualByComparingTo("10.00");

		String voided = gateway.capture(new BigDecimal("5.00"), "EUR", "booking-3", "token-4");
		gateway.voidCharge(voided, new BigDecimal("5.00"));
		assertThat(gateway.charge(voided).orElseThrow().voided()).isTrue();
		assertThatThrownBy(() -> gateway.refund(voided, new BigDecimal("1.00")))
			.isInstanceOf(GatewayDeclinedException.class);
	}

	@Test
	void aChargeItNeverMadeCannotBeRefundedButOneItForgotCan() {
		assertThatThrownBy(() -> gateway.refund("ch_elsewhere", BigDecimal.ONE))
			.isInstanceOf(GatewayDeclinedException.class);
		// references survive restarts in the database, the simulator's memory does not
		assertThat(gateway.refund(SimulatedPaymentGateway.CHARGE_PREFIX + "before-restart", BigDecimal.ONE))
			.startsWith(SimulatedPaymentGateway.REFUND_PREFIX);
	}

	@Test
	void theFailureRateDeclinesThatShareOfCaptures() {
		SimulatedPaymentGateway always = gateway(Duration.ZERO, 1.0);
		assertThatThrownBy(() -> always.capture(BigDecimal.TEN, "EUR", "booking-4", "token-5")).isInstanceOfSatisfying(
				GatewayDeclinedException.class, declined -> assertThat(declined.reason()).contains("declined"));
		SimulatedPaymentGateway half = gateway(Duration.ZERO, 0.5);
		Set<Boolean> outcomes = new HashSet<>();
		for (int i = 0; i < 200 && outcomes.size() < 2; i++) {
			try {
				half.capture(BigDecimal.TEN, "EUR", "booking-5", "token-half-" + i);
				outcomes.add(true);
			}
			catch (GatewayDeclinedException ex) {
				outcomes.add(false);
			}
		}
		assertThat(outcomes).containsExactlyInAnyOrder(true, false);
	}

	@Test
	void everyCallTakesTheConfiguredLatency() {
		SimulatedPaymentGateway slow = gateway(Duration.ofMillis(120), 0.0);
		long started = System.nanoTime();
		slow.capture(BigDecimal.TEN, "EUR", "booking-6", "token-6");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
	}

	private static SimulatedPaymentGateway gateway(Duration latency, double failureRate) {
		return new SimulatedPaymentGateway(new SimulatedGatewaySettings(latency, failureRate));
	}

}
