package io.getaways.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server storing its collections in one H2 MVStore
 * file.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final Path file;

	private final int port;

	private MongoServer server;

	private EmbeddedMongoServer(MongoServer server, Path file, int port) {
		this.server = server;
		this.file = file;
		this.port = port;
	}

	/**
	 * A server over the given folder on any free port, such as one a restore fills; the
	 * caller closes it.
	 */
	public static EmbeddedMongoServer startOn(Path dir) {
		return start(dir, 0);
	}

	static EmbeddedMongoServer start(Path dir, int requestedPort) {
		int port = requestedPort == 0 ? FreePort.find() : requestedPort;
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create " + dir, ex);
		}
		Path file = dir.resolve("mongo.mv");
		log.info("Embedded MongoDB (wire-protocol server): port {}, dir {}", port, dir);
		return new EmbeddedMongoServer(bind(file, port), file, port);
	}

	private static MongoServer bind(Path file, int port) {
		MongoServer server = new MongoServer(new IndexedH2Backend(file.toString()));
		server.bind("127.0.0.1", port);
		return server;
	}

	public int port() {
		return port;
	}

	/**
	 * Stops the server and closes its file, keeping the port, so that {@link #restart()}
	 * brings it back.
	 */
	public synchronized void stop() {
		if (server != null) {
			server.shutdownNow();
			server = null;
		}
	}

	/** Starts the server again on the same port and file, with everything it held. */
	public synchronized void restart() {
		if (server == null) {
			server = bind(file, port);
		}
	}

	public synchronized boolean isActive() {
		return server != null;
	}

	@Override
	public void close() {
		stop();
	}

}
