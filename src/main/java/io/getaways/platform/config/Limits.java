package io.getaways.platform.config;

import java.math.BigDecimal;

/** Compares any number with a limit exactly; NaN is within no limit. */
final class Limits {

	private Limits() {
	}

	static boolean atLeast(Number value, BigDecimal limit) {
		return !isNaN(value) && compare(value, limit) >= 0;
	}

	static boolean atMost(Number value, BigDecimal limit) {
		return !isNaN(value) && compare(value, limit) <= 0;
	}

	private static boolean isNaN(Number value) {
		return value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN();
	}

	private static int compare(Number value, BigDecimal limit) {
		double asDouble = value.doubleValue();
		if (Double.isInfinite(asDouble)) {
			return asDouble > 0 ? 1 : -1;
		}
		return new BigDecimal(value.toString()).compareTo(limit);
	}

}
