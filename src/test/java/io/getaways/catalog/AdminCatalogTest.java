package io.getaways.catalog;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.getaways.audit.AuditEntry;
import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditQuery;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin catalog API as its tests use it: a real admin and a real traveller signed in
 * over real HTTP, bodies of valid trips and stays, and a look at what a refused request
 * left behind.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminCatalogTest {

	static final Duration PROJECTION = Duration.ofSeconds(30);
	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	HttpApi api;

	TestAccounts accounts;

	Superuser superuser;

	String admin;

	String adminId;

	String customer;

	@BeforeAll
	void signIn() throws SQLException {
		api = new HttpApi(port);
		accounts = new TestAccounts(api);
		JsonNode adminSession = accounts.newUserWithRole(identity, "admin");
		admin = TestAccounts.accessToken(adminSession);
		adminId = TestAccounts.userId(adminSession);
		customer = TestAccounts.accessToken(accounts.newCustomer());
		superuser = new Superuser(context);
	}

	@AfterAll
	void close() {
		superuser.close();
	}

	void assertNothingWritten(String table, String collection, String code, String adminPath) {
		assertThat(adminGet(adminPath + code).status()).isEqualTo(404);
		assertThat(auditEntries(table, code)).isEmpty();
		assertThat(mongo.findById(code, Document.class, collection)).isNull();
	}

	List<AuditEntry> auditEntries(String table, String code) {
		return auditLog.search(new AuditQuery(table, code, null, null, null, 0, 50)).items();
	}

	static Arguments bad(String field, Consumer<Map<String, Object>> change) {
		return Arguments.of(field, change);
	}

	Answer adminGet(String path) {
		return accounts.get(path, admin);
	}

	Answer send(String method, String path, Object body) {
		String json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
		return accounts.send(method, path, admin, json);
	}

	static Map<String, Object> trip(String code) {
		return trip(code, body -> {
		});
	}

	/** A valid trip body, changed as the test needs; a null code leaves it out. */
	static Map<String, Object> trip(String code, Consumer<Map<String, Object>> change) {
		Body body = new Body();
		if (code != null) {
			body.put("code", code);
		}
		body.put("name", code == null ? "Admin Reef" : "Admin Reef " + code)
			.put("resort", "Admin Resort, 4 stars")
			.put("departsAt", Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
			.put("nights", 7)
			.put("pricePerPerson", "1299.00")
			.put("currency", "USD")
			.put("capacity", 24)
			.put("content",
					Map.of("description", "<p>Admin trip</p>", "image", "admin.jpg", "images", List.of("admin.jpg"),
							"highlights", List.of("Reef dive"), "keywords", List.of("reef"), "attributes",
							Map.of("difficulty", "easy")));
		change.accept(body);
		return body;
	}

	static Map<String, Object> stay(String code) {
		return stay(code, body -> {
		});
	}

	static Map<String, Object> stay(String code, Consumer<Map<String, Object>> change) {
		Body body = new Body();
		body.put("code", code)
			.put("name", "Admin Villa " + code)
			.put("country", "Greece")
			.put("city", "Oia")
			.put("pricePerNight", "420.00")
			.put("currency", "EUR")
			.put("maxGuests", 6)
			.put("content", Map.of("description", "<p>Admin villa</p>", "amenities", List.of("Plunge pool"),
					"attributes", Map.of("bedrooms", 3)));
		change.accept(body);
		return body;
	}

	/**
	 * A JSON object under construction; put returns the body so that changes read as one
	 * line.
	 */
	static final class Body extends LinkedHashMap<String, Object> {

		@Override
		public Body put(String key, Object value) {
			super.put(key, value);
			return this;
		}

	}

}
