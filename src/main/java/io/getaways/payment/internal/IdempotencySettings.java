package io.getaways.payment.internal;

import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A class rather than a record only because a record cannot have a component named
 * {@code wait}.
 */
@ConfigurationProperties("getaways.payments.idempotency")
@Validated
class IdempotencySettings implements SettingsRules {

	@AtLeast("0s")
	@AtMost("1m")
	private final Duration wait;

	@AtLeast("1m")
	private final Duration retention;

	private final Duration abandonAfter;

	/**
	 * @param wait how long a duplicate request waits for the first one's answer before it
	 * gets 409 with Retry-After
	 * @param retention how long a key and its answer are kept; a key older than this
	 * starts afresh
	 * @param abandonAfter an unfinished key older than this (its request died with its
	 * instance) may be taken over by a retry of the same request
	 */
	IdempotencySettings(@DefaultValue("10s") Duration wait, @DefaultValue("24h") Duration retention,
			@DefaultValue("5m") Duration abandonAfter) {
		this.wait = wait;
		this.retention = retention;
		this.abandonAfter = abandonAfter;
	}

	@Override
	public void checkRules(Rules rules) {
		rules.require(abandonAfter.compareTo(wait) > 0, "abandonAfter", "must be longer than wait", wait);
		rules.require(abandonAfter.compareTo(retention) <= 0, "abandonAfter", "must not exceed retention", retention);
	}

	Duration duplicateWait() {
		return wait;
	}

	Duration retention() {
		return retention;
	}

	Duration abandonAfter() {
		return abandonAfter;
	}

}
