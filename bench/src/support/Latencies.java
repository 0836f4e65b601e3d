package support;

import java.util.Arrays;

/**
 * Every latency of one kind over a phase, kept whole rather than in a histogram: the programs record at most some
 * hundred thousand, so percentiles can be exact, nearest rank over all of them.
 */
public final class Latencies {

	private long[] nanos = new long[1 << 14];
	private int count;

	public void add(long value) {
		if (count == nanos.length) {
			nanos = Arrays.copyOf(nanos, count * 2);
		}
		nanos[count++] = value;
	}

	public void addAll(Latencies other) {
		for (int i = 0; i < other.count; i++) {
			add(other.nanos[i]);
		}
	}

	public int count() {
		return count;
	}

	/** Nearest-rank percentile in milliseconds; 0 when nothing was recorded. */
	public double percentileMs(double quantile) {
		if (count == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		return sorted[rank(quantile, count) - 1] / 1e6;
	}

	/** The nearest rank of a quantile among {@code population} values, counted from 1. */
	public static int rank(double quantile, int population) {
		return Math.max(1, (int) Math.ceil(quantile * population));
	}
}
