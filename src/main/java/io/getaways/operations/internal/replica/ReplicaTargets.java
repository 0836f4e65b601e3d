package io.getaways.operations.internal.replica;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.getaways.platform.db.DatabaseSettings;
import io.getaways.platform.db.ReplicaSettings;
import io.getaways.platform.embedded.EmbeddedStandby;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where the {@code replica} command finds the replicas: {@code getaways.replicas.urls}
 * when configured (logging in as the schema owner, which needs
 * {@code GRANT EXECUTE ON FUNCTION pg_promote TO <prefix>_owner} to promote), else the
 * embedded standbys in the data directory (as the local superuser). Names are the
 * service's: {@code replica-<n>}.
 */
record ReplicaTargets(List<Target> targets, boolean embedded) {

	record Target(String name, String url, String username, String password) {

		/** The URL as it may be printed. */
		String shown() {
			return url.replaceAll("(?i)password=[^&]*", "password=***");
		}

	}

	static ReplicaTargets from(Environment environment) {
		Binder binder = Binder.get(environment);
		ReplicaSettings replicas = binder.bindOrCreate("getaways.replicas", ReplicaSettings.class);
		List<Target> targets = new ArrayList<>();
		if (replicas.enabled()) {
			DatabaseSettings database = binder.bindOrCreate("getaways.db", DatabaseSettings.class);
			String password = environment.getProperty("getaways.db.owner.password");
			for (int i = 0; i < replicas.urls().size(); i++) {
				targets.add(new Target(replicas.names().get(i), replicas.urls().get(i), database.ownerUsername(),
						password));
			}
			return new ReplicaTargets(targets, false);
		}
		Path dataDir = Path.of(environment.getProperty("getaways.data-dir", "./data")).toAbsolutePath().normalize();
		EmbeddedStandby.inDataDir(dataDir)
			.forEach((name, port) -> targets
				.add(new Target(name, "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null)));
		return new ReplicaTargets(targets, true);
	}

}
