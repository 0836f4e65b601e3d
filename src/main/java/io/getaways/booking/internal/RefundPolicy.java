package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

/**
 * How much of a paid booking a traveller gets back, by the notice given before the start:
 * the first tier whose notice is met applies, longest notice first; less notice than
 * every tier gets nothing. With the default {@code 30d:100,7d:50}: 30 days or more before
 * the start 100 %, 7 days or more 50 %, less than 7 days nothing. Amounts are rounded
 * half up to the cent. An admin's cancellation is refunded in full, whatever the notice.
 */
final class RefundPolicy {

	private final List<Tier> tiers;

	private RefundPolicy(List<Tier> tiers) {
		this.tiers = tiers;
	}

	/**
	 * Parses {@code notice:percent} pairs; the percentages must not grow as the notice
	 * shrinks.
	 */
	static RefundPolicy parse(List<String> specs) {
		List<Tier> tiers = new ArrayList<>();
		for (String spec : specs) {
			tiers.add(Tier.parse(spec.trim()));
		}
		tiers.sort(Comparator.comparing(Tier::notice).reversed());
		for (int i = 1; i < tiers.size(); i++) {
			if (tiers.get(i).notice().equals(tiers.get(i - 1).notice())) {
				throw invalid(specs, "two tiers have the notice " + tiers.get(i).notice());
			}
			if (tiers.get(i).percent() > tiers.get(i - 1).percent()) {
				throw invalid(specs, "a shorter notice may not refund more than a longer one");
			}
		}
		return new RefundPolicy(List.copyOf(tiers));
	}

	int percentFor(Duration notice) {
		return tiers.stream()
			.filter(tier -> notice.compareTo(tier.notice()) >= 0)
			.findFirst()
			.map(Tier::percent)
			.orElse(0);
	}

	BigDecimal refundFor(BigDecimal total, Duration notice) {
		return percentOf(total, percentFor(notice));
	}

	static BigDecimal percentOf(BigDecimal total, int percent) {
		return total.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	private static IllegalArgumentException invalid(List<String> specs, String why) {
		return new IllegalArgumentException("getaways.bookings.refund.tiers is invalid: " + specs + ": " + why);
	}

	record Tier(Duration notice, int percent) {

		static Tier parse(String spec) {
			int colon = spec.lastIndexOf(':');
			try {
				if (colon < 1) {
					throw new IllegalArgumentException("expected notice:percent");
				}
				Duration notice = DurationStyle.detectAndParse(spec.substring(0, colon).trim());
				int percent = Integer.parseInt(spec.substring(colon + 1).trim().replace("%", ""));
				if (notice.isNegative() || percent < 0 || percent > 100) {
					throw new IllegalArgumentException("notice must be 0 or more and percent 0 to 100");
				}
				return new Tier(notice, percent);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"getaways.bookings.refund.tiers entry '" + spec + "' is invalid: " + ex.getMessage(), ex);
			}
		}
	}

}
