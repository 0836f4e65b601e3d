package io.getaways.platform.embedded;

import org.springframework.core.env.Environment;

/** Embedded-mode settings, read straight from the environment because they are needed before any bean exists. */
record EmbeddedSettings(String rolePrefix, String database, int postgresPort, int mongoPort, int redisPort) {

	static EmbeddedSettings from(Environment environment) {
		return new EmbeddedSettings(environment.getProperty("getaways.db.role-prefix", "getaways"),
				environment.getProperty("getaways.embedded.database", "getaways"),
				port(environment, "getaways.embedded.postgres-port"), port(environment, "getaways.embedded.mongo-port"),
				port(environment, "getaways.embedded.redis-port"));
	}

	private static int port(Environment environment, String name) {
		int port = environment.getProperty(name, Integer.class, 0);
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be 0 (any free port) or a port number but was " + port);
		}
		return port;
	}
}
