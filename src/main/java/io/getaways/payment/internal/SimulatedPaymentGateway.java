package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.payment.GatewayDeclinedException;
import io.getaways.payment.PaymentGateway;

/**
 * A gateway that moves no money: it answers with generated references after the
 * configured latency and declines the configured share of captures. It remembers the
 * latest charges (references, amounts, refunds, voids; no card data exists) so that tests
 * can see what the gateway was asked, and forgets them on restart, which is why a refund
 * of a charge it no longer remembers is accepted.
 */
class SimulatedPaymentGateway implements PaymentGateway {

	static final String CHARGE_PREFIX = "sim_ch_";
	static final String REFUND_PREFIX = "sim_re_";

	private static final int REMEMBERED = 10_000;

	private final Duration latency;

	private final double failureRate;

	private final Map<String, Charge> charges = bounded();

	private final Map<String, String> chargeByToken = bounded();

	SimulatedPaymentGateway(SimulatedGatewaySettings settings) {
		this.latency = settings.latency();
		this.failureRate = settings.failureRate();
	}

	/** What the gateway knows of one charge. */
	record Charge(String reference, BigDecimal amount, String currency, String merchantReference, BigDecimal refunded,
			boolean voided) {
	}

	@Override
	public String capture(BigDecimal amount, String currency, String merchantReference, String idempotencyToken) {
		pause();
		synchronized (this) {
			String earlier = chargeByToken.get(idempotencyToken);
			if (earlier != null) {
				return earlier;
			}
		}
		if (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate) {
			throw new GatewayDeclinedException("card declined (simulated)");
		}
		String reference = CHARGE_PREFIX + newId();
		synchronized (this) {
			charges.put(reference, new Charge(reference, amount, currency, merchantReference, BigDecimal.ZERO, false));
			chargeByToken.put(idempotencyToken, reference);
		}
		return reference;
	}

	@Override
	public String refund(String gatewayReference, BigDecimal amount) {
		pause();
		if (gatewayReference == null || !gatewayReference.startsWith(CHARGE_PREFIX)) {
			throw new GatewayDeclinedException("no such charge");
		}
		synchronized (this) {
			Charge charge = charges.get(gatewayReference);
			if (charge != null) {
				if (charge.voided() || charge.refunded().add(amount).compareTo(charge.amount()) > 0) {
					throw new GatewayDeclinedException("refund exceeds what is left of the charge");
				}
				charges.put(gatewayReference, new Charge(charge.reference(), charge.amount(), charge.currency(),
						charge.merchantReference(), charge.refunded().add(amount), false));
			}
		}
		return REFUND_PREFIX + newId();
	}

	@Override
	public void voidCharge(String gatewayReference, BigDecimal amount) {
		pause();
		synchronized (this) {
			charges.computeIfPresent(gatewayReference, (reference, charge) -> new Charge(reference, charge.amount(),
					charge.currency(), charge.merchantReference(), charge.refunded(), true));
		}
	}

	/**
	 * The charge as the gateway remembers it; tests read it to see captures, refunds and
	 * voids.
	 */
	synchronized Optional<Charge> charge(String gatewayReference) {
		return Optional.ofNullable(charges.get(gatewayReference));
	}

	/**
	 * Every remembered charge made for the merchant reference (the booking id), voided or
	 * not.
	 */
	synchronized List<Charge> chargesFor(String merchantReference) {
		return charges.values()
			.stream()
			.filter(charge -> charge.merchantReference().equals(merchantReference))
			.toList();
	}

	private void pause() {
		if (latency.isZero()) {
			return;
		}
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the simulated gateway", ex);
		}
	}

	private static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static <V> Map<String, V> bounded() {
		return new LinkedHashMap<>(256, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > REMEMBERED;
			}
		};
	}

}
