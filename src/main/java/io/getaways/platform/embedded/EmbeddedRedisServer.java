package io.getaways.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A redis-server child process; it keeps snapshots in the data directory, though nothing
 * depends on them.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

	private final RedisServer server;

	private final int port;

	private EmbeddedRedisServer(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static EmbeddedRedisServer start(Path dir, int requestedPort) {
		int port = requestedPort == 0 ? FreePort.find() : requestedPort;
		try {
			Files.createDirectories(dir);
			RedisServer server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("dir " + dir.toAbsolutePath())
				.setting("save 300 1")
				.setting("appendonly no")
				.setting("maxmemory 128mb")
				.setting("maxmemory-policy allkeys-lru")
				.build();
			server.start();
			log.info("Embedded Redis: port {}, dir {}", port, dir);
			return new EmbeddedRedisServer(server, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Embedded Redis did not start on port " + port + ": " + ex.getMessage(),
					ex);
		}
	}

	public int port() {
		return port;
	}

	/**
	 * Stops the server while keeping the port, so that {@link #restart()} brings it back
	 * for the same clients.
	 */
	public void stop() {
		try {
			server.stop();
		}
		catch (IOException ex) {
			log.warn("Embedded Redis: stop failed: {}", ex.getMessage());
		}
	}

	public void restart() {
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Embedded Redis did not restart on port " + port, ex);
		}
	}

	public boolean isActive() {
		return server.isActive();
	}

	@Override
	public void close() {
		if (server.isActive()) {
			stop();
		}
	}

}
