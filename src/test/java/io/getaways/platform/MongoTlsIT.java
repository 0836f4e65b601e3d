package io.getaways.platform;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.getaways.platform.db.TestCertificates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MongoDB over TLS with the service's own client settings, against the same wire-protocol
 * server that embedded mode runs, here accepting TLS only with a certificate from a CA
 * the test just made: the driver checks the chain and the host name.
 */
class MongoTlsIT {

	@TempDir
	static Path dir;

	static MongoServer server;

	static int port;

	static TestCertificates ca;

	static Path trustedCa;

	static Path otherCa;

	@BeforeAll
	static void startTlsOnlyServer() {
		ca = TestCertificates.authority("Getaways Mongo Test CA");
		trustedCa = ca.writeCertificate(dir.resolve("ca.pem"));
		otherCa = TestCertificates.authority("Unrelated Test CA").writeCertificate(dir.resolve("other-ca.pem"));
		TestCertificates.Issued issued = ca.issue("localhost");
		server = new MongoServer(new MemoryBackend());
		server.enableSsl(issued.key(), null, issued.certificate());
		server.bind("127.0.0.1", 0);
		port = server.getLocalAddress().getPort();
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.shutdownNow();
		}
	}

	@Test
	void verifiedTlsCarriesCommands() {
		clientTrusting(trustedCa, "localhost").run(context -> {
			MongoClient client = context.getBean(MongoClient.class);
			client.getDatabase("getaways").getCollection("tls").insertOne(new Document("over", "tls"));
			assertThat(client.getDatabase("getaways").getCollection("tls").find().first()).containsEntry("over", "tls");
		});
	}

	@Test
	void aCertificateFromAnotherCaIsRefused() {
		clientTrusting(otherCa, "localhost").run(context -> assertThatThrownBy(
				() -> context.getBean(MongoClient.class).getDatabase("getaways").getCollection("tls").countDocuments())
			.hasStackTraceContaining("PKIX path"));
	}

	/**
	 * The driver names an IP literal by its reverse lookup ("localhost" here), so the
	 * mismatch is made on the server's side: a certificate for another host.
	 */
	@Test
	void aHostTheCertificateDoesNotNameIsRefused() {
		MongoServer elsewhere = new MongoServer(new MemoryBackend());
		TestCertificates.Issued issued = ca.issue("db.elsewhere.test");
		elsewhere.enableSsl(issued.key(), null, issued.certificate());
		elsewhere.bind("127.0.0.1", 0);
		try {
			clientTrusting(trustedCa, "localhost", elsewhere.getLocalAddress().getPort())
				.run(context -> assertThatThrownBy(() -> context.getBean(MongoClient.class)
					.getDatabase("getaways")
					.getCollection("tls")
					.countDocuments())
					.hasStackTraceContaining("No subject alternative DNS name matching localhost found"));
		}
		finally {
			elsewhere.shutdownNow();
		}
	}

	/**
	 * The service's MongoDB client: Spring Boot's auto-configuration plus the service's
	 * own client settings, with an SSL bundle holding one CA.
	 */
	private static ApplicationContextRunner clientTrusting(Path ca, String host) {
		return clientTrusting(ca, host, port);
	}

	private static ApplicationContextRunner clientTrusting(Path ca, String host, int port) {
		return new ApplicationContextRunner()
			.withInitializer(context -> context.getBeanFactory()
				.setConversionService(ApplicationConversionService.getSharedInstance()))
			.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, SslAutoConfiguration.class))
			.withUserConfiguration(StoreClientSettings.class)
			.withPropertyValues("spring.mongodb.uri=mongodb://" + host + ":" + port + "/getaways?tls=true",
					"spring.mongodb.ssl.bundle=mongo", "spring.ssl.bundle.pem.mongo.truststore.certificate=" + ca,
					"getaways.mongo.timeout=2s");
	}

}
