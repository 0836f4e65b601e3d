package booking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import support.CpuUse;

/** Runs one client per thread until the deadline and merges their tallies into the phase's figures. */
final class Clients {

	interface Client {

		Tally run(int index, long deadlineNanos) throws Exception;
	}

	private Clients() {
	}

	/** Work still queued when the clients stop, waited for inside the phase. */
	interface Drain {

		void await() throws InterruptedException;
	}

	static Phase run(int count, Duration length, CpuUse.Probe cpu, Client client) throws Exception {
		return run(count, length, cpu, () -> {
		}, client);
	}

	static Phase run(int count, Duration length, CpuUse.Probe cpu, Drain drain, Client client) throws Exception {
		List<Tally> tallies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		List<Exception> failures = new ArrayList<>();
		CpuUse.Sample before = cpu.sample();
		long start = System.nanoTime();
		long deadline = start + length.toNanos();
		for (int i = 0; i < count; i++) {
			int index = i;
			Thread thread = new Thread(() -> {
				try {
					Tally tally = client.run(index, deadline);
					synchronized (tallies) {
						tallies.add(tally);
					}
				}
				catch (Exception ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			}, "client-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		drain.await();
		double elapsedS = (System.nanoTime() - start) / 1e9;
		CpuUse used = CpuUse.between(before, cpu.sample());
		if (!failures.isEmpty()) {
			throw new IllegalStateException("A client failed", failures.get(0));
		}
		return Phase.merge(tallies, elapsedS, used);
	}
}
