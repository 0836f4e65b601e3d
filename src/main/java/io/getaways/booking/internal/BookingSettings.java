package io.getaways.booking.internal;

import java.time.Duration;
import java.util.List;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import io.getaways.platform.config.PositiveDuration;
import io.getaways.platform.config.SettingsRules;
import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code getaways.bookings.*}: limits of one booking, how long a hold lasts, the jobs'
 * pace, the refund policy, the retry budget of one booking transaction, and how many of
 * them may run at once ({@code max-concurrent-transactions}, 0 for half the customer
 * pool; see {@link WriteBulkhead}), and how long before departure a traveller may still
 * change their passengers ({@code passenger-edit-cutoff}). Contradictions fail at startup
 * with the property and its value.
 */
@ConfigurationProperties("getaways.bookings")
@Validated
record BookingSettings(@DefaultValue("15m") @PositiveDuration Duration holdDuration,
		@DefaultValue("10") @AtLeast("1") int maxSeats, @DefaultValue("60") @AtLeast("1") int maxNights,
		@DefaultValue("100") @AtLeast("1") @AtMost("10000") int jobBatchSize, @Valid @DefaultValue Refund refund,
		@Valid @DefaultValue Retry retry, @DefaultValue("0") @AtLeast("0") int maxConcurrentTransactions,
		@DefaultValue("5s") @AtLeast("0s") Duration transactionWait,
		@DefaultValue("48h") @AtLeast("0s") Duration passengerEditCutoff) {

	/**
	 * {@code tiers}: "notice:percent" pairs such as {@code 30d:100,7d:50}; see
	 * {@link RefundPolicy}.
	 */
	// @formatter:off: the formatter breaks an array-valued annotation on a record component
	record Refund(@DefaultValue({ "30d:100", "7d:50" }) List<String> tiers) implements SettingsRules {
	// @formatter:on

		Refund {
			tiers = List.copyOf(tiers);
		}

		@Override
		public void checkRules(Rules rules) {
			boolean parses;
			try {
				RefundPolicy.parse(tiers);
				parses = true;
			}
			catch (IllegalArgumentException ex) {
				parses = false;
			}
			rules.require(parses, "tiers", "must be notice:percent pairs such as 30d:100, one per notice, each percent "
					+ "from 0 to 100 and none higher than a longer notice's");
		}
	}

	/**
	 * Attempts of one transaction in all; the backoff doubles from the initial delay up
	 * to the maximum.
	 */
	record Retry(@DefaultValue("5") @AtLeast("1") @AtMost("20") int maxAttempts,
			@DefaultValue("10ms") @AtLeast("0s") Duration initialDelay,
			@DefaultValue("400ms") Duration maxDelay) implements SettingsRules {

		@Override
		public void checkRules(Rules rules) {
			rules.require(initialDelay.compareTo(maxDelay) <= 0, "initialDelay", "must not exceed max-delay", maxDelay);
		}
	}
}
