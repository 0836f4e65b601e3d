package io.getaways.platform.cli;

import java.net.URI;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Where a command's stores are, read from its context's environment once embedded mode
 * has filled it in, so that a failure can name the server it could not reach. Passwords
 * and URL query strings are never kept.
 */
final class StoreAddresses implements ApplicationListener<ApplicationPreparedEvent> {

	private volatile String postgres;

	private volatile String postgresUser;

	private volatile String mongo;

	private volatile String redis;

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		postgres = jdbcAddress(environment.getProperty("spring.datasource.url"));
		postgresUser = environment.getProperty("spring.datasource.username");
		mongo = uriAddress(environment.getProperty("spring.mongodb.uri"));
		redis = uriAddress(environment.getProperty("spring.data.redis.url"));
	}

	String postgres() {
		return postgres == null ? "the configured server (spring.datasource.url)" : postgres;
	}

	String postgresUser() {
		return postgresUser == null ? "(not set)" : postgresUser;
	}

	String mongo() {
		return mongo == null ? "the configured server (spring.mongodb.uri)" : mongo;
	}

	String redis() {
		return redis == null ? "the configured server (spring.data.redis.url)" : redis;
	}

	/** {@code host:port/database} of a PostgreSQL JDBC URL. */
	static String jdbcAddress(String url) {
		if (url == null || !url.startsWith("jdbc:")) {
			return null;
		}
		return uriAddress(url.substring("jdbc:".length()));
	}

	static String uriAddress(String uri) {
		if (uri == null || uri.isBlank()) {
			return null;
		}
		try {
			URI parsed = URI.create(uri);
			String authority = parsed.getRawAuthority();
			if (authority == null) {
				return null;
			}
			// user:password@ never reaches a message
			String hosts = authority.substring(authority.lastIndexOf('@') + 1);
			String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
			return hosts + path;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
