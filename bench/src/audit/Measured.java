package audit;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import booking.Phase;

/**
 * One measured phase of book-and-pay cycles with the audit triggers on or off: the booking bench's figures for it, the
 * audit entries written during it, and how long the sealer took to catch up before it began.
 */
public record Measured(boolean audited, Phase phase, long auditEntries, double sealerWaitS) {

	public double cyclesPerSecond() {
		return phase.perSecond();
	}

	public int cycles() {
		return phase.cycle().count();
	}

	/** The database server's CPU per cycle (PostgreSQL and its backends, plus the service's idle Redis), in ms. */
	public double storeCpuMsPerCycle() {
		return cycles() == 0 ? 0 : phase.cpu().stores() * phase.elapsedS() * 1000 / cycles();
	}

	public String json() {
		return String.format(Locale.ROOT, "{\"audit\":\"%s\",\"cycles_per_s\":%.1f,\"audit_entries\":%d,"
				+ "\"store_cpu_ms_per_cycle\":%.3f,\"sealer_wait_s\":%.1f,\"figures\":%s}", audited ? "on" : "off",
				cyclesPerSecond(), auditEntries, storeCpuMsPerCycle(), sealerWaitS, phase.json());
	}

	public static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	public static double median(List<Measured> phases, boolean audited, ToDoubleFunction<Measured> figure) {
		return median(phases.stream().filter(m -> m.audited == audited).map(figure::applyAsDouble).toList());
	}

	/** Entries per cycle over every phase in that state. */
	public static double entriesPerCycle(List<Measured> phases, boolean audited) {
		long entries = 0;
		long cycles = 0;
		for (Measured m : phases) {
			if (m.audited == audited) {
				entries += m.auditEntries;
				cycles += m.cycles();
			}
		}
		return cycles == 0 ? 0 : (double) entries / cycles;
	}

	/** Cycles per second over every phase in that state, as one long phase would count them. */
	public static double pooledRate(List<Measured> phases, boolean audited) {
		long cycles = 0;
		double seconds = 0;
		for (Measured m : phases) {
			if (m.audited == audited) {
				cycles += m.cycles();
				seconds += m.phase.elapsedS();
			}
		}
		return seconds == 0 ? 0 : cycles / seconds;
	}
}
