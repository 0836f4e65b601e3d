package io.getaways.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.getaways.platform.db.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Redis over TLS with the service's own client settings, against a {@code redis-server}
 * of the test's own that accepts TLS only and presents a certificate from a CA the test
 * just made: the client checks the chain and the host name, so another CA or a host the
 * certificate does not name is refused.
 */
class RedisTlsIT {

	@TempDir
	static Path dir;

	static Process redis;

	static int port;

	static Path trustedCa;

	static Path otherCa;

	@BeforeAll
	static void startTlsOnlyRedis() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "needs the machine's redis-server");
		TestCertificates ca = TestCertificates.authority("Getaways Redis Test CA");
		trustedCa = ca.writeCertificate(dir.resolve("ca.pem"));
		otherCa = TestCertificates.authority("Unrelated Test CA").writeCertificate(dir.resolve("other-ca.pem"));
		TestCertificates.ServerFiles server = ca.issueServer("localhost", Files.createDirectory(dir.resolve("tls")));
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		redis = new ProcessBuilder(List.of("/usr/bin/redis-server", "--port", "0", "--tls-port", Integer.toString(port),
				"--bind", "127.0.0.1", "--tls-cert-file", server.certificate().toString(), "--tls-key-file",
				server.key().toString(), "--tls-ca-cert-file", trustedCa.toString(), "--tls-auth-clients", "no",
				"--save", "", "--appendonly", "no", "--dir", dir.toString()))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("redis.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Files.readString(dir.resolve("redis.log")).contains("Ready"));
	}

	@AfterAll
	static void stopRedis() throws InterruptedException {
		if (redis != null) {
			redis.destroy();
			redis.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void verifiedTlsCarriesCommands() {
		clientTrusting(trustedCa, "localhost").run(context -> {
			StringRedisTemplate redis = new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
			redis.opsForValue().set("tls-check", "over tls");
			assertThat(redis.opsForValue().get("tls-check")).isEqualTo("over tls");
		});
	}

	@Test
	void aCertificateFromAnotherCaIsRefused() {
		clientTrusting(otherCa, "localhost").run(context -> assertThatThrownBy(
				() -> new StringRedisTemplate(context.getBean(RedisConnectionFactory.class)).hasKey("any"))
			.hasStackTraceContaining("PKIX path"));
	}

	@Test
	void aHostTheCertificateDoesNotNameIsRefused() {
		clientTrusting(trustedCa, "127.0.0.1").run(context -> assertThatThrownBy(
				() -> new StringRedisTemplate(context.getBean(RedisConnectionFactory.class)).hasKey("any"))
			.hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1"));
	}

	@Test
	void plainConnectionsAreNotServed() throws IOException {
		runner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, SslAutoConfiguration.class))
			.withUserConfiguration(StoreClientSettings.class)
			.withPropertyValues("spring.data.redis.url=redis://localhost:" + port)
			.run(context -> assertThatThrownBy(
					() -> new StringRedisTemplate(context.getBean(RedisConnectionFactory.class)).hasKey("any"))
				.isNotNull());
	}

	/** Durations in properties convert as they do in the service. */
	private static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withInitializer(context -> context.getBeanFactory()
			.setConversionService(ApplicationConversionService.getSharedInstance()));
	}

	/**
	 * The service's Redis client: Spring Boot's auto-configuration plus the service's own
	 * client settings, with an SSL bundle holding one CA.
	 */
	private static ApplicationContextRunner clientTrusting(Path ca, String host) {
		return runner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, SslAutoConfiguration.class))
			.withUserConfiguration(StoreClientSettings.class)
			.withPropertyValues("spring.data.redis.url=rediss://" + host + ":" + port,
					"spring.data.redis.ssl.bundle=redis", "spring.ssl.bundle.pem.redis.truststore.certificate=" + ca,
					"spring.data.redis.timeout=2s", "spring.data.redis.connect-timeout=2s");
	}

}
