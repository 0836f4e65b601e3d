package io.getaways.platform.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A Redis Cluster of the machine's {@code redis-server}: three primaries and a replica of
 * each, on free ports, made one cluster by {@code redis-cli --cluster create}. A short
 * node timeout lets a replica take over a killed primary within seconds.
 */
final class LocalRedisCluster implements AutoCloseable {

	static final Path SERVER = Path.of("/usr/bin/redis-server");

	static final Path CLI = Path.of("/usr/bin/redis-cli");

	private final Map<Integer, Process> nodes = new TreeMap<>();

	private LocalRedisCluster() {
	}

	static boolean installed() {
		return Files.isExecutable(SERVER) && Files.isExecutable(CLI);
	}

	static LocalRedisCluster start(Path dir) throws Exception {
		LocalRedisCluster cluster = new LocalRedisCluster();
		try {
			for (int i = 0; i < 6; i++) {
				int port = freePort();
				// the cluster bus defaults to port + 10000, which may not exist above
				// 55535
				int busPort = freePort();
				Path nodeDir = Files.createDirectories(dir.resolve("node-" + port));
				Process node = new ProcessBuilder(SERVER.toString(), "--port", Integer.toString(port), "--bind",
						"127.0.0.1", "--cluster-enabled", "yes", "--cluster-port", Integer.toString(busPort),
						"--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "1000",
						// a replica may take over however long ago it last heard from its
						// primary: the test kills a primary, and must not wait on the
						// replica's
						// data age
						"--cluster-replica-validity-factor", "0", "--save", "", "--appendonly", "no", "--dir",
						nodeDir.toString())
					.redirectErrorStream(true)
					.redirectOutput(nodeDir.resolve("redis.log").toFile())
					.start();
				cluster.nodes.put(port, node);
				await().atMost(Duration.ofSeconds(20))
					.until(() -> Files.readString(nodeDir.resolve("redis.log")).contains("Ready to accept"));
			}
			List<String> create = new ArrayList<>(List.of(CLI.toString(), "--cluster", "create"));
			cluster.nodes.keySet().forEach(port -> create.add("127.0.0.1:" + port));
			create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
			cluster.run(create);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> cluster.nodes.keySet().stream().allMatch(cluster::servesEverySlot));
			// every replica has its primary's data before a test kills one
			await().atMost(Duration.ofSeconds(60))
				.until(() -> cluster.nodes.keySet().stream().allMatch(cluster::replicaInSync));
			return cluster;
		}
		catch (Exception ex) {
			cluster.close();
			throw ex;
		}
	}

	/** {@code host:port,...} as {@code spring.data.redis.cluster.nodes} takes it. */
	String nodes() {
		return nodes.keySet().stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/** The port of the primary that serves the key's hash slot now. */
	int primaryOf(String key) throws IOException, InterruptedException {
		int any = nodes.keySet().iterator().next();
		int slot = Integer.parseInt(cli(any, "cluster", "keyslot", key).strip());
		for (String line : cli(any, "cluster", "nodes").split("\n")) {
			String[] fields = line.strip().split(" ");
			if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
				continue;
			}
			for (int i = 8; i < fields.length; i++) {
				String[] range = fields[i].split("-");
				int from = Integer.parseInt(range[0]);
				int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
				if (slot >= from && slot <= to) {
					return Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
				}
			}
		}
		throw new IllegalStateException("no primary serves slot " + slot);
	}

	/** Kills a node the hard way, as a crash would. */
	void kill(int port) throws InterruptedException {
		Process node = nodes.remove(port);
		node.destroyForcibly();
		node.waitFor(10, TimeUnit.SECONDS);
	}

	/** Whether the cluster serves every slot again, asked of a node still running. */
	boolean healthy() {
		return servesEverySlot(nodes.keySet().iterator().next());
	}

	/** A primary, or a replica whose link to its primary is up. */
	private boolean replicaInSync(int port) {
		try {
			String replication = cli(port, "info", "replication");
			return replication.contains("role:master") || replication.contains("master_link_status:up");
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean servesEverySlot(int port) {
		try {
			return cli(port, "cluster", "info").contains("cluster_state:ok");
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	String cli(int port, String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(CLI.toString(), "-p", Integer.toString(port)));
		line.addAll(List.of(command));
		return run(line);
	}

	private String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		nodes.values().forEach(Process::destroyForcibly);
		nodes.clear();
	}

}
