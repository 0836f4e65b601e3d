package search;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import support.Latencies;

/**
 * A closed loop: each client a thread issuing one call after another for a while, so throughput is what the system
 * sustains at this concurrency. Latencies of successful calls only; failures are counted and the first one kept.
 */
public final class Load {

	/** One call of a client, given a random index into the workload. */
	@FunctionalInterface
	public interface Call {

		void run(int pick) throws Exception;

	}

	/** Makes each client's call, with the client's own connection or HTTP client. */
	@FunctionalInterface
	public interface Client {

		Call open() throws Exception;

	}

	public record Phase(int requests, long errors, double seconds, double p50Ms, double p99Ms, String firstError) {

		public double throughput() {
			return seconds == 0 ? 0 : requests / seconds;
		}

		public String json() {
			return String.format(java.util.Locale.ROOT,
					"{\"requests\":%d,\"errors\":%d,\"throughput_rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f}", requests,
					errors, throughput(), p50Ms, p99Ms);
		}

	}

	private Load() {
	}

	public static Phase run(Client client, int workload, int clients, int seconds) throws Exception {
		Latencies[] latencies = new Latencies[clients];
		long[] errors = new long[clients];
		String[] firstErrors = new String[clients];
		Thread[] threads = new Thread[clients];
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		long[] deadline = new long[1];
		for (int i = 0; i < clients; i++) {
			int index = i;
			latencies[i] = new Latencies();
			Call call = client.open();
			threads[i] = new Thread(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				ready.countDown();
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				while (true) {
					long begin = System.nanoTime();
					if (begin - deadline[0] >= 0) {
						return;
					}
					try {
						call.run(random.nextInt(workload));
						latencies[index].add(System.nanoTime() - begin);
					}
					catch (Exception ex) {
						errors[index]++;
						if (firstErrors[index] == null) {
							firstErrors[index] = ex.toString();
						}
					}
				}
			}, "client-" + i);
			threads[i].start();
		}
		ready.await();
		long start = System.nanoTime();
		deadline[0] = start + seconds * 1_000_000_000L;
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		Latencies all = new Latencies();
		long failed = 0;
		String first = null;
		for (int i = 0; i < clients; i++) {
			all.addAll(latencies[i]);
			failed += errors[i];
			first = first == null ? firstErrors[i] : first;
		}
		return new Phase(all.count(), failed, elapsed, all.percentileMs(0.50), all.percentileMs(0.99), first);
	}

}
