package io.getaways.platform;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line a command or doctor prints for a failed connection, for causes a test
 * cannot provoke on this machine (DNS, a dropping firewall); DoctorCommandIT provokes the
 * others on real servers.
 */
class StoreFailuresTest {

	@Test
	void namesTheStoreTheAddressAndTheLikelyCause() {
		assertThat(StoreFailures.describe("Redis", "cache.internal:6379", "default",
				new IllegalStateException("Unable to connect", new UnknownHostException("cache.internal"))))
			.isEqualTo("Redis at cache.internal:6379: unknown host cache.internal: check the host name in the address");
		assertThat(StoreFailures.cause("PostgreSQL", "getaways_app",
				new SQLException("The connection attempt failed.", "08001", new SocketTimeoutException("timed out"))))
			.isEqualTo("no answer: wrong host, or a firewall drops the connection");
		assertThat(StoreFailures.cause("MongoDB", "getaways",
				new RuntimeException("Timed out ... caused by {java.net.ConnectException: Connection refused}")))
			.isEqualTo("connection refused: MongoDB is not started or listens on another port");
		assertThat(StoreFailures.cause("PostgreSQL", "getaways_app",
				new SQLException("FATAL: password authentication failed for user \"getaways_app\"", "28P01")))
			.isEqualTo("authentication failed: wrong password for user getaways_app (spring.datasource.password or"
					+ " SPRING_DATASOURCE_PASSWORD; getaways.db.owner.password for migrations)");
		assertThat(StoreFailures.cause("Redis", "default",
				new RuntimeException("WRONGPASS invalid username-password pair or user is disabled.")))
			.isEqualTo("authentication failed: wrong password for user default");
		assertThat(StoreFailures.cause("Redis", "default", new ConnectException("Connection refused")))
			.isEqualTo("connection refused: Redis is not started or listens on another port");
	}

}
