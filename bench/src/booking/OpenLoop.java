package booking;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import support.CpuUse;
import support.Http;

/**
 * Book-and-pay cycles at a fixed arrival rate, whatever the answers' speed (open loop, as wrk2 does): cycle {@code i}
 * is due at {@code start + i / rate}. Each worker takes the next due cycle, waits for its time and runs it; a cycle's
 * latency is measured from when it was due, not from when a worker got to it, so a slow answer that holds the workers
 * back is charged to every cycle it delayed (coordinated omission corrected). The workers are many more than the rate
 * needs at the closed loop's latency, so that one slow cycle does not delay the next one's send;
 * {@code start_delay_p99_ms} says how late cycles started, and a high figure there means the workers were too few.
 * Latencies go into HdrHistograms (3 significant digits).
 */
public final class OpenLoop {

	private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(5);

	/** One worker's cycle; each worker has its own connections. */
	interface Worker extends AutoCloseable {

		boolean cycle() throws Exception;

		@Override
		default void close() throws Exception {
		}
	}

	interface Workers {

		Worker create(int index) throws Exception;
	}

	public record Result(double rate, int workers, long cycles, long errors, double elapsedS, Histogram latency,
			Histogram startDelay, CpuUse cpu, String firstError) {

		public double percentileMs(double percentile) {
			return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1e6;
		}

		public String json() {
			double cpuMsPerCycle = cycles == 0 ? 0 : (cpu.app() + cpu.stores()) * elapsedS * 1000 / cycles;
			return String.format(Locale.ROOT, "{\"rate_per_s\":%.1f,\"achieved_per_s\":%.1f,\"workers\":%d,"
					+ "\"cycles\":%d,\"errors\":%d,\"elapsed_s\":%.3f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,"
					+ "\"max_ms\":%.2f,\"start_delay_p99_ms\":%.2f,\"server_cpu_ms_per_cycle\":%.2f,\"cpu_cores\":%s}",
					rate, cycles / elapsedS, workers, cycles, errors, elapsedS, percentileMs(50), percentileMs(99),
					percentileMs(99.9), latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1e6,
					startDelay.getTotalCount() == 0 ? 0 : startDelay.getValueAtPercentile(99) / 1e6, cpuMsPerCycle,
					cpu.json());
		}
	}

	private OpenLoop() {
	}

	/** Through the HTTP API, each worker with its own connection and a traveller of its own (round robin). */
	public static Result api(String baseUrl, List<Traveller> travellers, List<String> trips, double rate, int workers,
			Duration length, CpuUse.Probe cpu) throws Exception {
		return run(rate, workers, length, cpu, index -> {
			HttpClient http = Http.newClient();
			Traveller traveller = travellers.get(index % travellers.size());
			return () -> {
				String trip = trips.get(ThreadLocalRandom.current().nextInt(trips.size()));
				HttpResponse<String> booked = http.send(ApiPhase.post(baseUrl + "/api/v1/bookings", traveller.token(),
						"{\"tripCode\":\"" + trip + "\",\"seats\":1}"), HttpResponse.BodyHandlers.ofString());
				if (booked.statusCode() != 201) {
					throw new IllegalStateException("book " + booked.statusCode() + " " + booked.body());
				}
				String id = ApiPhase.group(ApiPhase.ID, booked.body());
				HttpResponse<String> paid = http.send(
						ApiPhase.post(baseUrl + "/api/v1/bookings/" + id + "/pay", traveller.token(), null),
						HttpResponse.BodyHandlers.ofString());
				if (paid.statusCode() != 200) {
					throw new IllegalStateException("pay " + paid.statusCode() + " " + paid.body());
				}
				return true;
			};
		});
	}

	/** Over the raw drivers, each worker with a JDBC connection of its own. */
	public static Result raw(Database db, RawStores stores, List<Traveller> travellers, List<String> trips,
			double rate, int workers, Duration length, CpuUse.Probe cpu) throws Exception {
		try (OutboxMarks marks = new OutboxMarks(db)) {
			RawCycle cycle = new RawCycle(db, stores, marks);
			Result result = run(rate, workers, length, cpu, index -> {
				Connection tx = db.connect(false);
				Traveller traveller = travellers.get(index % travellers.size());
				return new Worker() {

					@Override
					public boolean cycle() throws Exception {
						cycle.run(tx, traveller, trips.get(ThreadLocalRandom.current().nextInt(trips.size())));
						return true;
					}

					@Override
					public void close() throws Exception {
						tx.close();
					}
				};
			});
			stores.drain();
			return result;
		}
	}

	private static Result run(double rate, int workerCount, Duration length, CpuUse.Probe cpu, Workers workers)
			throws Exception {
		List<Worker> created = new ArrayList<>();
		for (int i = 0; i < workerCount; i++) {
			created.add(workers.create(i));
		}
		AtomicLong next = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		String[] firstError = new String[1];
		List<Histogram> latencies = new ArrayList<>();
		List<Histogram> delays = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		double intervalNanos = 1e9 / rate;
		CpuUse.Sample before = cpu.sample();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
		long end = start + length.toNanos();
		for (Worker worker : created) {
			Histogram latency = new Histogram(HIGHEST_NANOS, 3);
			Histogram delay = new Histogram(HIGHEST_NANOS, 3);
			latencies.add(latency);
			delays.add(delay);
			Thread thread = new Thread(() -> {
				while (true) {
					long due = start + (long) (next.getAndIncrement() * intervalNanos);
					if (due >= end) {
						return;
					}
					long now;
					while ((now = System.nanoTime()) < due) {
						LockSupport.parkNanos(due - now);
					}
					delay.recordValue(Math.min(now - due, HIGHEST_NANOS));
					try {
						worker.cycle();
						latency.recordValue(Math.min(System.nanoTime() - due, HIGHEST_NANOS));
					}
					catch (Exception ex) {
						if (errors.getAndIncrement() == 0) {
							firstError[0] = String.valueOf(ex);
						}
					}
				}
			}, "open-loop-" + threads.size());
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsedS = (System.nanoTime() - start) / 1e9;
		CpuUse used = CpuUse.between(before, cpu.sample());
		for (Worker worker : created) {
			worker.close();
		}
		Histogram latency = new Histogram(HIGHEST_NANOS, 3);
		Histogram delay = new Histogram(HIGHEST_NANOS, 3);
		latencies.forEach(latency::add);
		delays.forEach(delay::add);
		return new Result(rate, workerCount, latency.getTotalCount(), errors.get(), elapsedS, latency, delay, used,
				firstError[0]);
	}
}
