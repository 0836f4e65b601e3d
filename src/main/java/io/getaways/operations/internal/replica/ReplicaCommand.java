package io.getaways.operations.internal.replica;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;

import io.getaways.platform.TaskSubcommand;
import io.getaways.platform.db.Lsn;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code getaways.jar replica list|promote [NAME]}. Both work while the service runs:
 * they connect to the replicas themselves. Promoting without a name picks the standby
 * that replayed the most WAL, so that the least is lost.
 */
@Command(name = "replica", mixinStandardHelpOptions = true,
		description = "Read replicas: list (state and replay position of each), promote [NAME] (make a standby the "
				+ "primary; without NAME the one furthest ahead).")
class ReplicaCommand extends TaskSubcommand {

	enum Action {

		list, promote

	}

	@Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}")
	Action action;

	@Parameters(index = "1", arity = "0..1", description = "Replica name for promote, as list shows it (replica-1)")
	String name;

	@Override
	public Integer call() {
		PrintWriter out = out();
		if (name != null && action != Action.promote) {
			throw new IllegalArgumentException("only promote takes a replica name");
		}
		try (ConfigurableApplicationContext context = tasks().startWithoutStores(ReplicaTask.class)) {
			ReplicaTargets targets = ReplicaTargets.from(context.getEnvironment());
			if (targets.targets().isEmpty()) {
				throw new IllegalArgumentException("no replicas: set getaways.replicas.urls, or "
						+ "getaways.embedded.replicas for embedded standbys in the data directory");
			}
			List<ReplicaProbe> probes = targets.targets().stream().map(ReplicaProbe::of).toList();
			if (action == Action.list) {
				list(out, probes);
				out.flush();
				return 0;
			}
			ReplicaProbe chosen = choose(probes);
			promote(chosen);
			out.printf("promoted %s (%s): it accepts writes now; services with a multi-host spring.datasource.url "
					+ "reconnect to it by themselves. Rebuild the old primary and other standbys from it "
					+ "(docs/replicas.md)%n", chosen.target().name(), chosen.target().shown());
			out.flush();
			return 0;
		}
	}

	/** The command's context holds nothing but the configuration it reads. */
	static final class ReplicaTask {

	}

	private void list(PrintWriter out, List<ReplicaProbe> probes) {
		out.printf("%-12s %-12s %-20s %-22s %s%n", "NAME", "STATE", "REPLAY LSN", "LAST COMMIT AGE (s)", "URL");
		for (ReplicaProbe probe : probes) {
			out.printf("%-12s %-12s %-20s %-22s %s%n", probe.target().name(), probe.state(),
					probe.replayLsn() == null ? "-" : probe.replayLsn(),
					probe.lastCommitAgeSeconds() == null ? "-" : "%.3f".formatted(probe.lastCommitAgeSeconds()),
					probe.target().shown() + (probe.error() == null ? "" : "  (" + probe.error() + ")"));
		}
		out.printf("%d replicas, %d standing by%n", probes.size(),
				probes.stream().filter(ReplicaProbe::standby).count());
	}

	private ReplicaProbe choose(List<ReplicaProbe> probes) {
		if (name != null) {
			ReplicaProbe named = probes.stream()
				.filter(probe -> probe.target().name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no replica named " + name + "; there are "
						+ probes.stream().map(probe -> probe.target().name()).toList()));
			if (!named.standby()) {
				throw new IllegalStateException(
						"replica " + name + " is " + named.state() + ", not a standby: nothing to promote"
								+ (named.error() == null ? "" : " (" + named.error() + ")"));
			}
			return named;
		}
		return probes.stream()
			.filter(ReplicaProbe::standby)
			.max(Comparator.comparingLong(probe -> Lsn.parse(probe.replayLsn())))
			.orElseThrow(() -> new IllegalStateException("no replica is a reachable standby: nothing to promote"));
	}

	private static void promote(ReplicaProbe probe) {
		try (Connection connection = ReplicaProbe.connect(probe.target());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT pg_promote(true, 60)")) {
			row.next();
			if (!row.getBoolean(1)) {
				throw new IllegalStateException(
						"replica " + probe.target().name() + " did not finish promoting within 60 s");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"promoting replica " + probe.target().name() + " failed: " + ex.getMessage(), ex);
		}
	}

}
