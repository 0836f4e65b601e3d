package io.getaways.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.getaways.platform.embedded.EmbeddedMongoServer;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Preferences over real HTTP and a real MongoDB wire-protocol server. */
@IntegrationTest
class PreferencesIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestAccounts accounts;

	String token;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(new HttpApi(port));
		token = TestAccounts.accessToken(accounts.newCustomer());
	}

	@Test
	void aUserStoresAndReadsBackAFreeFormDocument() {
		assertThat(accounts.get("/api/v1/me/preferences", token).body()).isEqualTo("{}");
		String document = "{\"currency\":\"EUR\",\"alerts\":{\"priceDrops\":true,\"resorts\":[\"Galapagos\",\"Bali\"]},\"seats\":2}";
		Answer stored = accounts.send("PUT", "/api/v1/me/preferences", token, document);
		assertThat(stored.status()).isEqualTo(200);
		JsonAssert read = new JsonAssert(accounts.get("/api/v1/me/preferences", token));
		read.has("currency", "\"EUR\"").has("seats", "2");
		assertThat(read.answer.json().get("alerts").get("resorts").get(1).asString()).isEqualTo("Bali");

		accounts.send("PUT", "/api/v1/me/preferences", token, "{\"currency\":\"USD\"}");
		assertThat(accounts.get("/api/v1/me/preferences", token).json().has("alerts")).as("replaced whole").isFalse();

		String other = TestAccounts.accessToken(accounts.newCustomer());
		assertThat(accounts.get("/api/v1/me/preferences", other).body()).isEqualTo("{}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"$gt\":1}|preferences.$gt", "{\"a.b\":1}|preferences.a.b",
					"{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}|preferences.a.b.c.d.e", "[1,2]|preferences",
					"\"text\"|preferences", "{not json|preferences" })
	void badDocumentsAreRefusedNamingThePathAndNothingIsWritten(String body, String path) {
		accounts.send("PUT", "/api/v1/me/preferences", token, "{\"kept\":true}");
		Answer refused = accounts.send("PUT", "/api/v1/me/preferences", token, body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).contains(path);
		assertThat(accounts.get("/api/v1/me/preferences", token).body()).isEqualTo("{\"kept\":true}");
	}

	@Test
	void longArraysAndStringsAndLargeDocumentsAreRefused() {
		String longArray = "{\"list\":[" + "1,".repeat(100) + "1]}";
		assertThat(accounts.send("PUT", "/api/v1/me/preferences", token, longArray).body())
			.contains("preferences.list");
		String longString = "{\"note\":\"" + "x".repeat(1001) + "\"}";
		assertThat(accounts.send("PUT", "/api/v1/me/preferences", token, longString).status()).isEqualTo(400);
		String large = "{" + "\"k%d\":\"%s\",".repeat(20)
			.formatted(java.util.stream.IntStream.range(0, 20)
				.boxed()
				.flatMap(i -> java.util.stream.Stream.of(i, "y".repeat(500)))
				.toArray()) + "\"end\":1}";
		assertThat(accounts.send("PUT", "/api/v1/me/preferences", token, large).status()).isEqualTo(413);
		assertThat(accounts.get("/api/v1/me/preferences", token).body()).isEqualTo("{}");
	}

	@Test
	void anonymousCallersAreRefused() {
		assertThat(new HttpApi(port).get("/api/v1/me/preferences").status()).isEqualTo(401);
	}

	@Test
	void withMongoDownTheAnswerIs503Quickly() {
		Assumptions.assumeFalse(TestStores.external(), "stops the embedded MongoDB");
		EmbeddedMongoServer server = TestStores.embedded(context).mongo();
		server.stop();
		try {
			long started = System.nanoTime();
			Answer answer = accounts.get("/api/v1/me/preferences", token);
			assertThat(answer.status()).isEqualTo(503);
			assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
		}
		finally {
			server.restart();
		}
		assertThat(accounts.get("/api/v1/me/preferences", token).status()).isEqualTo(200);
	}

	private record JsonAssert(Answer answer) {

		JsonAssert has(String field, String json) {
			assertThat(answer.json().get(field).toString()).isEqualTo(json);
			return this;
		}
	}

}
