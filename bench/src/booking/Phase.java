package booking;

import java.util.List;
import java.util.Locale;

import support.CpuUse;
import support.Latencies;

/** The figures of one phase: every client's cycles, book and pay latencies, errors, and where the CPU went. */
public record Phase(Tally total, double elapsedS, CpuUse cpu) {

	static Phase merge(List<Tally> tallies, double elapsedS, CpuUse cpu) {
		Tally total = new Tally();
		for (Tally tally : tallies) {
			total.addAll(tally);
		}
		return new Phase(total, elapsedS, cpu);
	}

	public Latencies cycle() {
		return total.cycle;
	}

	public long errors() {
		return total.errors;
	}

	/** Ids of the bookings confirmed (pay answered 200) in this phase. */
	public List<String> confirmed() {
		return total.confirmed;
	}

	/** Book-and-pay cycles per second. */
	public double perSecond() {
		return total.cycle.count() / elapsedS;
	}

	public String summary() {
		return String.format(Locale.ROOT, "%.1f cycles/s, cycle p50 %.1f ms p99 %.1f ms, %d errors%s", perSecond(),
				total.cycle.percentileMs(0.5), total.cycle.percentileMs(0.99), total.errors,
				total.firstError == null ? "" : " (first: " + total.firstError + ")");
	}

	/** The service JVM's CPU per cycle (the embedded MongoDB runs inside it), in ms. */
	public double appCpuMsPerCycle() {
		return total.cycle.count() == 0 ? 0 : cpu.app() * elapsedS * 1000 / total.cycle.count();
	}

	public String json() {
		double cpuMsPerCycle = total.cycle.count() == 0 ? 0
				: (cpu.app() + cpu.stores()) * elapsedS * 1000 / total.cycle.count();
		return String.format(Locale.ROOT, "{\"cycles\":%d,\"errors\":%d,\"elapsed_s\":%.3f,\"cycle_p50_ms\":%.2f,"
				+ "\"cycle_p99_ms\":%.2f,\"book_p50_ms\":%.2f,\"book_p99_ms\":%.2f,\"pay_p50_ms\":%.2f,"
				+ "\"pay_p99_ms\":%.2f,\"server_cpu_ms_per_cycle\":%.2f,\"app_cpu_ms_per_cycle\":%.2f,\"cpu_cores\":%s}",
				total.cycle.count(),
				total.errors, elapsedS, total.cycle.percentileMs(0.5), total.cycle.percentileMs(0.99),
				total.book.percentileMs(0.5), total.book.percentileMs(0.99), total.pay.percentileMs(0.5),
				total.pay.percentileMs(0.99), cpuMsPerCycle, appCpuMsPerCycle(), cpu.json());
	}
}
