package support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Average cores busy over a phase, from /proc jiffies: the app's JVM, its store servers, this load generator, and
 * "other", whatever else ran on the machine. On a small machine the generator and the server compete for the same
 * cores, so each phase says where the CPU went.
 */
public record CpuUse(double app, double stores, double loadGenerator, double machineBusy, int cores) {

	public static CpuUse between(Sample before, Sample after) {
		double wallTicks = Math.max(1, (double) (after.machineTotal - before.machineTotal) / after.cores);
		return new CpuUse((after.app - before.app) / wallTicks, (after.stores - before.stores) / wallTicks,
				(after.self - before.self) / wallTicks, (after.machineBusy - before.machineBusy) / wallTicks,
				after.cores);
	}

	public String json() {
		double other = Math.max(0, machineBusy - app - stores - loadGenerator);
		return String.format(Locale.ROOT, "{\"app\":%.2f,\"stores\":%.2f,\"load_generator\":%.2f,\"other\":%.2f,"
				+ "\"machine_busy\":%.2f,\"machine_cores\":%d}", app, stores, loadGenerator, other, machineBusy, cores);
	}

	public record Sample(long machineBusy, long machineTotal, int cores, long app, long stores, long self) {
	}

	/**
	 * Stores are the app's child processes (Redis), the PostgreSQL postmaster with its backends, and a store server
	 * the app did not start (an external Redis). A pid of 0 or less is not probed.
	 */
	public record Probe(long appPid, long postgresPid, long otherStorePid) {

		public Probe(long appPid, long postgresPid) {
			this(appPid, postgresPid, -1);
		}

		public Sample sample() throws IOException {
			long busy = 0;
			long total = 0;
			int cores = 0;
			for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
				if (line.startsWith("cpu ")) {
					String[] f = line.trim().split("\\s+");
					for (int i = 1; i < f.length && i <= 8; i++) {
						long v = Long.parseLong(f[i]);
						total += v;
						busy += i == 4 || i == 5 ? 0 : v;
					}
				}
				else if (line.startsWith("cpu")) {
					cores++;
				}
			}
			long stores = 0;
			for (long pid : storePids()) {
				stores += ticks(pid);
			}
			return new Sample(busy, total, cores, appPid > 0 ? ticks(appPid) : 0, stores,
					ticks(ProcessHandle.current().pid()));
		}

		private List<Long> storePids() {
			List<Long> pids = new ArrayList<>();
			if (appPid > 0) {
				ProcessHandle.of(appPid).ifPresent(app -> app.descendants().forEach(p -> pids.add(p.pid())));
			}
			if (postgresPid > 0) {
				pids.add(postgresPid);
				ProcessHandle.of(postgresPid).ifPresent(pg -> pg.descendants().forEach(p -> pids.add(p.pid())));
			}
			if (otherStorePid > 0) {
				pids.add(otherStorePid);
			}
			return pids;
		}

		/** utime + stime of one process; 0 once it is gone. */
		private static long ticks(long pid) {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return Long.parseLong(f[11]) + Long.parseLong(f[12]);
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}
	}
}
