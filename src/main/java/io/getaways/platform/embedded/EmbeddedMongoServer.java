package io.getaways.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An in-process MongoDB wire-protocol server storing its collections in one H2 MVStore file. */
final class EmbeddedMongoServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final MongoServer server;
	private final int port;

	private EmbeddedMongoServer(MongoServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static EmbeddedMongoServer start(Path dir, int requestedPort) {
		int port = requestedPort == 0 ? FreePort.find() : requestedPort;
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create " + dir, ex);
		}
		MongoServer server = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
		server.bind("127.0.0.1", port);
		log.info("Embedded MongoDB (wire-protocol server): port {}, dir {}", port, dir);
		return new EmbeddedMongoServer(server, port);
	}

	int port() {
		return port;
	}

	@Override
	public void close() {
		server.shutdown();
	}
}
