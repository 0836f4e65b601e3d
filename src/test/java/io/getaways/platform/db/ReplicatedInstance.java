package io.getaways.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.getaways.GetawaysApplication;
import io.getaways.platform.embedded.EmbeddedStandby;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.support.ExternalTestStores;
import io.getaways.support.HttpApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * A whole application over a data directory of its own with embedded streaming standbys,
 * so that tests may pause, kill and promote them without touching the servers every other
 * test shares. Slow to start: one per test class.
 */
final class ReplicatedInstance implements AutoCloseable {

	private final Path root;

	private final Path dataDir;

	private final ConfigurableApplicationContext context;

	private ReplicatedInstance(Path root, ConfigurableApplicationContext context) {
		this.root = root;
		this.dataDir = root.resolve("data");
		this.context = context;
	}

	static ReplicatedInstance start(int replicas, String... extraArguments) {
		// a folder of its own: the default backup repository sits beside the data
		// directory, and this cluster's WAL must not land where the shared servers
		// archive
		return start(Path.of("target", "replicas-" + UUID.randomUUID()).toAbsolutePath(), replicas, extraArguments);
	}

	/** Starts over the folder of an instance that was stopped with {@link #stop()}. */
	static ReplicatedInstance start(Path root, int replicas, String... extraArguments) {
		Path dataDir = root.resolve("data");
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0",
				"--getaways.data-dir=" + dataDir, "--getaways.embedded.enabled=true",
				"--getaways.embedded.replicas=" + replicas, "--" + ExternalTestStores.ENABLED + "=false",
				"--getaways.demo-data.enabled=false", "--getaways.replicas.check-interval=100ms"));
		arguments.addAll(List.of(extraArguments));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GetawaysApplication.class)
			.run(arguments.toArray(String[]::new));
		ReplicatedInstance instance = new ReplicatedInstance(root, context);
		instance.awaitServing(instance.set().replicas().stream().map(Replica::name).toArray(String[]::new));
		return instance;
	}

	ConfigurableApplicationContext context() {
		return context;
	}

	Path root() {
		return root;
	}

	/** Stops the application and its servers, keeping their files. */
	void stop() {
		context.close();
	}

	Path dataDir() {
		return dataDir;
	}

	HttpApi http() {
		return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	ReplicaSet set() {
		return context.getBean(ReplicaSet.class);
	}

	Replica replica(String name) {
		return set().replicas().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
	}

	void awaitServing(String... names) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			for (String name : names) {
				if (!replica(name).status().serves()) {
					return false;
				}
			}
			return true;
		});
	}

	EmbeddedStores stores() {
		return EmbeddedStores.running(dataDir);
	}

	EmbeddedStandby standby(String name) {
		return stores().standbys().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}

	/** Reads served so far by a replica, or by the primary for {@code primary}. */
	double reads(String replica) {
		Counter counter = context.getBean(MeterRegistry.class)
			.find("getaways.replica.reads")
			.tag("replica", replica)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	/** SQL as the superuser on a standby, which bypasses row-level security. */
	<T> T onStandby(String name, Function<JdbcClient, T> work) {
		return on(standby(name).superuserJdbcUrl("getaways"), work);
	}

	static <T> T on(String url, Function<JdbcClient, T> work) {
		try (Connection connection = DriverManager.getConnection(url)) {
			return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No superuser connection to " + url, ex);
		}
	}

	/** The primary's postmaster, for a crash drill. */
	ProcessHandle primaryPostmaster() {
		try {
			String pid = java.nio.file.Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0);
			return ProcessHandle.of(Long.parseLong(pid.trim())).orElseThrow();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		context.close();
		FileSystemUtils.deleteRecursively(root.toFile());
	}

}
