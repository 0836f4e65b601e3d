package io.getaways.catalog;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.getaways.audit.AuditEntry;
import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditQuery;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin catalog API over real HTTP, signed in as a real admin: trips and stays created, replaced, deactivated and
 * activated, content projected to MongoDB, every change audited with the admin as actor, and every refusal leaving
 * PostgreSQL, MongoDB and the audit log as they were.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCatalogIT {

	private static final Duration PROJECTION = Duration.ofSeconds(30);
	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	private HttpApi api;
	private TestAccounts accounts;
	private Superuser superuser;
	private String admin;
	private String adminId;
	private String customer;

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

	@Test
	void adminCreatesTripWhoseContentReachesMongoAndThePublicApi() {
		String code = TestTrips.code();
		Answer created = send("POST", "/api/v1/admin/trips", trip(code));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/admin/trips/" + code);
		JsonNode body = created.json();
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(body.path("contentVersion").asLong()).isEqualTo(1);
		assertThat(body.path("seatsBooked").asInt()).isZero();
		assertThat(body.path("reviewCount").asInt()).isZero();
		assertThat(body.path("ratingAverage").isNull()).isTrue();

		Document document = await().atMost(PROJECTION)
			.until(() -> mongo.findById(code, Document.class, "trip_content"), found -> found != null);
		assertThat(document.get("version", Number.class).longValue()).isEqualTo(1);
		assertThat(document.getString("description")).isEqualTo("<p>Admin trip</p>");
		assertThat(document.getString("difficulty")).isEqualTo("easy");
		JsonNode published = await().atMost(PROJECTION).until(() -> api.get("/api/v1/trips/" + code),
				answer -> answer.status() == 200 && answer.json().path("contentAvailable").asBoolean()).json();
		assertThat(published.path("content").path("highlights").get(0).asString()).isEqualTo("Reef dive");
		assertThat(published.path("ratingAverage").isNull()).isTrue();
	}

	@Test
	void replacingContentBumpsItsVersionAndFactsAloneKeepIt() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);

		Map<String, Object> changed = trip(null, body -> {
			body.put("name", "Renamed Reef");
			body.put("content", Map.of("description", "<p>New words</p>", "attributes", Map.of("level", 2)));
		});
		Answer replaced = send("PUT", "/api/v1/admin/trips/" + code, changed);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().path("contentVersion").asLong()).isEqualTo(2);
		Document document = await().atMost(PROJECTION).until(() -> mongo.findById(code, Document.class, "trip_content"),
				found -> found != null && found.get("version", Number.class).longValue() == 2);
		assertThat(document.getString("description")).isEqualTo("<p>New words</p>");
		assertThat(document.get("level", Number.class).intValue()).isEqualTo(2);
		assertThat(document).as("a replaced document keeps no field of the old one").doesNotContainKey("difficulty");

		Answer factsOnly = send("PUT", "/api/v1/admin/trips/" + code,
				trip(null, body -> {
					body.put("name", "Renamed Reef");
					body.put("pricePerPerson", "1500.00");
					body.remove("content");
				}));
		assertThat(factsOnly.status()).as(factsOnly.toString()).isEqualTo(200);
		assertThat(factsOnly.json().path("contentVersion").asLong()).isEqualTo(2);
		assertThat(factsOnly.json().path("pricePerPerson").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(factsOnly.json().path("content").path("description").asString()).isEqualTo("<p>New words</p>");
		JsonNode published = api.get("/api/v1/trips/" + code).json();
		assertThat(published.path("name").asString()).isEqualTo("Renamed Reef");
		assertThat(published.path("pricePerPerson").decimalValue()).isEqualByComparingTo("1500.00");
	}

	@Test
	void capacityBelowSeatsBookedIsRefusedAndPriceChangesLeaveBookingsAlone() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		UUID traveller = identity.createUser(TestAccounts.email(), "Seat Holder", TestAccounts.PASSWORD, "customer")
			.id();
		UUID booking = superuser.bookSeats(code, traveller, 5);

		Answer refused = send("PUT", "/api/v1/admin/trips/" + code, trip(null, body -> body.put("capacity", 4)));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("seatsBooked").asInt()).isEqualTo(5);
		assertThat(refused.json().path("detail").asString()).contains("5 seat(s) booked");
		JsonNode unchanged = adminGet("/api/v1/admin/trips/" + code).json();
		assertThat(unchanged.path("capacity").asInt()).isEqualTo(24);

		Answer exact = send("PUT", "/api/v1/admin/trips/" + code,
				trip(null, body -> {
					body.put("capacity", 5);
					body.put("pricePerPerson", "2000.00");
				}));
		assertThat(exact.status()).as(exact.toString()).isEqualTo(200);
		assertThat(exact.json().path("seatsLeft").asInt()).isZero();
		assertThat(superuser.jdbc().sql("SELECT unit_price FROM app.bookings WHERE id = :id").param("id", booking)
			.query(BigDecimal.class).single()).isEqualByComparingTo("1299.00");
	}

	@Test
	void deactivatedTripLeavesThePublicCatalogAndComesBack() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/trips/" + code).status()).isEqualTo(200);

		Answer deactivated = send("POST", "/api/v1/admin/trips/" + code + "/deactivate", null);
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.json().path("status").asString()).isEqualTo("INACTIVE");
		Answer again = send("POST", "/api/v1/admin/trips/" + code + "/deactivate", null);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.json().path("status").asString()).isEqualTo("INACTIVE");
		assertThat(again.json().path("detail").asString()).contains(code).contains("INACTIVE");

		assertThat(api.get("/api/v1/trips/" + code).status()).as("cache evicted on commit").isEqualTo(404);
		assertThat(api.get("/api/v1/trips?q=" + code).json().path("totalItems").asLong()).isZero();
		assertThat(api.get("/api/trips").body()).doesNotContain(code);
		assertThat(adminGet("/api/v1/admin/trips?status=INACTIVE&q=" + code).json().path("items")
			.findValuesAsString("code")).containsExactly(code);
		assertThat(adminGet("/api/v1/admin/trips?status=ACTIVE&q=" + code).json().path("totalItems").asLong())
			.isZero();

		assertThat(send("POST", "/api/v1/admin/trips/" + code + "/activate", null).json().path("status").asString())
			.isEqualTo("ACTIVE");
		assertThat(send("POST", "/api/v1/admin/trips/" + code + "/activate", null).status()).isEqualTo(409);
		assertThat(api.get("/api/v1/trips/" + code).status()).isEqualTo(200);
		assertThat(send("POST", "/api/v1/admin/trips/NOSUCH" + TestTrips.token(6) + "/activate", null).status())
			.isEqualTo(404);
	}

	@Test
	void takenCodeIsConflictAndChangesNothing() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		long entries = auditEntries("app.trips", code).size();
		Answer taken = send("POST", "/api/v1/admin/trips", trip(code, body -> body.put("name", "Impostor")));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
		assertThat(taken.json().path("detail").asString()).contains(code);
		assertThat(adminGet("/api/v1/admin/trips/" + code).json().path("name").asString())
			.isEqualTo("Admin Reef " + code);
		assertThat(auditEntries("app.trips", code)).hasSize((int) entries);

		String stay = TestStays.code();
		assertThat(send("POST", "/api/v1/admin/stays", stay(stay)).status()).isEqualTo(201);
		assertThat(send("POST", "/api/v1/admin/stays", stay(stay)).status()).isEqualTo(409);
	}

	static Stream<Arguments> badTrips() {
		return Stream.of(
				bad("currency", body -> body.put("currency", "XYZ")),
				bad("currency", body -> body.put("currency", "usd")),
				bad("currency", body -> body.remove("currency")),
				bad("code", body -> body.put("code", "ab")),
				bad("code", body -> body.put("code", "lower1234")),
				bad("code", body -> body.remove("code")),
				bad("name", body -> body.put("name", " ")),
				bad("name", body -> body.put("name", "x".repeat(121))),
				bad("resort", body -> body.remove("resort")),
				bad("pricePerPerson", body -> body.put("pricePerPerson", "-1")),
				bad("pricePerPerson", body -> body.put("pricePerPerson", "10.999")),
				bad("nights", body -> body.put("nights", 0)),
				bad("nights", body -> body.put("nights", 366)),
				bad("nights", body -> body.put("nights", "four")),
				bad("capacity", body -> body.put("capacity", 0)),
				bad("capacity", body -> body.put("capacity", 100_000)),
				bad("departsAt", body -> body.put("departsAt", "2020-01-01T08:00:00Z")),
				bad("departsAt", body -> body.put("departsAt", "next tuesday")),
				bad("content.images[0]", body -> body.put("content", Map.of("images", List.of("")))),
				bad("content.images[1]", body -> body.put("content", Map.of("images", List.of("a.jpg", Map.of(), "c")))),
				bad("content.attributes", body -> body.put("content", Map.of("attributes", Map.of("a.b", 1)))),
				bad("content.attributes", body -> body.put("content", Map.of("attributes", Map.of("$where", "1")))),
				bad("content.attributes", body -> body.put("content", Map.of("attributes", Map.of("version", 9)))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTrips")
	void badTripIsProblemNamingTheFieldAndWritesNothing(String field, Consumer<Map<String, Object>> change) {
		String code = TestTrips.code();
		Answer answer = send("POST", "/api/v1/admin/trips", trip(code, change));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).contains(field);
		assertNothingWritten("app.trips", "trip_content", code, "/api/v1/admin/trips/");
	}

	@Test
	void badReplacementChangesNothing() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		int entries = auditEntries("app.trips", code).size();
		Answer answer = send("PUT", "/api/v1/admin/trips/" + code,
				trip(null, body -> {
					body.put("currency", "QQQ");
					body.put("nights", 0);
					body.put("content", Map.of("description", "<p>never</p>"));
				}));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).contains("currency", "nights");
		Answer otherCode = send("PUT", "/api/v1/admin/trips/" + code, trip(TestTrips.code()));
		assertThat(otherCode.status()).as(otherCode.toString()).isEqualTo(400);
		assertThat(otherCode.json().path("errors").findValuesAsString("parameter")).containsExactly("code");
		assertThat(send("PUT", "/api/v1/admin/trips/" + code, "{\"name\": ").status()).isEqualTo(400);
		JsonNode current = adminGet("/api/v1/admin/trips/" + code).json();
		assertThat(current.path("contentVersion").asLong()).isEqualTo(1);
		assertThat(current.path("currency").asString()).isEqualTo("USD");
		assertThat(auditEntries("app.trips", code)).hasSize(entries);
		assertThat(send("PUT", "/api/v1/admin/trips/NOSUCH" + TestTrips.token(6), trip(null)).status())
			.isEqualTo(404);
	}

	@Test
	void staysAreCreatedReplacedDeactivatedAndAuditedWithTheAdminAsActor() {
		String code = TestStays.code();
		Answer created = send("POST", "/api/v1/admin/stays", stay(code));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/admin/stays/" + code);
		assertThat(created.json().path("maxGuests").asInt()).isEqualTo(6);
		Document document = await().atMost(PROJECTION)
			.until(() -> mongo.findById(code, Document.class, "stay_content"), found -> found != null);
		assertThat(document.getList("amenities", String.class)).containsExactly("Plunge pool");
		assertThat(document.get("bedrooms", Number.class).intValue()).isEqualTo(3);

		Answer replaced = send("PUT", "/api/v1/admin/stays/" + code, stay(code, body -> {
			body.put("pricePerNight", "455.50");
			body.put("content", Map.of("description", "<p>Renovated</p>", "amenities", List.of("Hot tub")));
		}));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().path("contentVersion").asLong()).isEqualTo(2);
		await().atMost(PROJECTION).until(() -> mongo.findById(code, Document.class, "stay_content"),
				found -> found.get("version", Number.class).longValue() == 2
						&& "<p>Renovated</p>".equals(found.getString("description")));
		JsonNode published = await().atMost(PROJECTION).until(() -> api.get("/api/v1/stays/" + code),
				answer -> answer.status() == 200 && answer.json().path("contentAvailable").asBoolean()).json();
		assertThat(published.path("pricePerNight").decimalValue()).isEqualByComparingTo("455.50");
		assertThat(published.path("content").path("amenities").get(0).asString()).isEqualTo("Hot tub");

		assertThat(send("POST", "/api/v1/admin/stays/" + code + "/deactivate", null).json().path("status")
			.asString()).isEqualTo("INACTIVE");
		assertThat(send("POST", "/api/v1/admin/stays/" + code + "/deactivate", null).status()).isEqualTo(409);
		assertThat(api.get("/api/v1/stays/" + code).status()).isEqualTo(404);
		JsonNode adminView = adminGet("/api/v1/admin/stays/" + code).json();
		assertThat(adminView.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(adminView.path("availability").path("occupied")).isEmpty();
		assertThat(adminGet("/api/v1/admin/stays?status=INACTIVE&q=" + code).json().path("items")
			.findValuesAsString("code")).containsExactly(code);
		assertThat(adminGet("/api/v1/admin/stays?q=" + code).json().path("totalItems").asLong()).isEqualTo(1);
		assertThat(send("POST", "/api/v1/admin/stays/" + code + "/activate", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/stays/" + code).status()).isEqualTo(200);

		List<AuditEntry> entries = auditEntries("app.stays", code);
		assertThat(entries).extracting(AuditEntry::operation).containsExactly("UPDATE", "UPDATE", "UPDATE",
				"INSERT");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.actorUserId()).isEqualTo(adminId);
			assertThat(entry.actor()).endsWith("@example.com");
			assertThat(entry.requestId()).isNotBlank();
		});
		JsonNode priceChange = JSON.readTree(entries.get(2).newRow());
		assertThat(priceChange.path("price_per_night").decimalValue()).isEqualByComparingTo("455.50");
		assertThat(JSON.readTree(entries.get(1).newRow()).path("status").asString()).isEqualTo("INACTIVE");
	}

	static Stream<Arguments> badStays() {
		return Stream.of(
				bad("maxGuests", body -> body.put("maxGuests", 51)),
				bad("maxGuests", body -> body.put("maxGuests", 0)),
				bad("country", body -> body.put("country", "x".repeat(81))),
				bad("city", body -> body.remove("city")),
				bad("currency", body -> body.put("currency", "EURO")),
				bad("pricePerNight", body -> body.put("pricePerNight", "-0.01")),
				bad("content.amenities[0]", body -> body.put("content", Map.of("amenities", List.of(" ")))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badStays")
	void badStayIsProblemNamingTheFieldAndWritesNothing(String field, Consumer<Map<String, Object>> change) {
		String code = TestStays.code();
		Answer answer = send("POST", "/api/v1/admin/stays", stay(code, change));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).contains(field);
		assertNothingWritten("app.stays", "stay_content", code, "/api/v1/admin/stays/");
	}

	@Test
	void onlyCatalogWritersReachTheAdminApi() {
		String code = TestTrips.code();
		for (String path : List.of("/api/v1/admin/trips", "/api/v1/admin/stays")) {
			Map<String, Object> body = path.endsWith("trips") ? trip(code) : stay(code);
			Answer anonymous = api.send("POST", path, "application/json", JSON.writeValueAsString(body));
			assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
			assertThat(anonymous.contentType()).startsWith("application/problem+json");
			Answer traveller = accounts.send("POST", path, customer, JSON.writeValueAsString(body));
			assertThat(traveller.status()).as(traveller.toString()).isEqualTo(403);
			assertThat(accounts.get(path, customer).status()).isEqualTo(403);
			assertThat(accounts.send("POST", path + "/GALR210214/deactivate", customer, null).status()).isEqualTo(403);
		}
		assertNothingWritten("app.trips", "trip_content", code, "/api/v1/admin/trips/");
		assertNothingWritten("app.stays", "stay_content", code, "/api/v1/admin/stays/");
		assertThat(api.get("/api/v1/trips/GALR210214").json().path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void everyCatalogRouteIsInTheOpenApiDocument() {
		Answer docs = api.get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/stays", "/api/v1/stays/{code}", "/api/v1/admin/trips",
				"/api/v1/admin/trips/{code}", "/api/v1/admin/trips/{code}/deactivate",
				"/api/v1/admin/trips/{code}/activate", "/api/v1/admin/stays", "/api/v1/admin/stays/{code}",
				"/api/v1/admin/stays/{code}/deactivate", "/api/v1/admin/stays/{code}/activate");
		assertThat(paths.path("/api/v1/admin/trips").path("post").path("responses").path("409").toString())
			.contains("already taken");
	}

	private void assertNothingWritten(String table, String collection, String code, String adminPath) {
		assertThat(adminGet(adminPath + code).status()).isEqualTo(404);
		assertThat(auditEntries(table, code)).isEmpty();
		assertThat(mongo.findById(code, Document.class, collection)).isNull();
	}

	private List<AuditEntry> auditEntries(String table, String code) {
		return auditLog.search(new AuditQuery(table, code, null, null, null, 0, 50)).items();
	}

	private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
		return Arguments.of(field, change);
	}

	private Answer adminGet(String path) {
		return accounts.get(path, admin);
	}

	private Answer send(String method, String path, Object body) {
		String json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
		return accounts.send(method, path, admin, json);
	}

	private static Map<String, Object> trip(String code) {
		return trip(code, body -> {
		});
	}

	/** A valid trip body, changed as the test needs; a null code leaves it out. */
	private static Map<String, Object> trip(String code, Consumer<Map<String, Object>> change) {
		Body body = new Body();
		if (code != null) {
			body.put("code", code);
		}
		body.put("name", code == null ? "Admin Reef" : "Admin Reef " + code).put("resort", "Admin Resort, 4 stars")
			.put("departsAt", Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
			.put("nights", 7).put("pricePerPerson", "1299.00").put("currency", "USD").put("capacity", 24)
			.put("content", Map.of("description", "<p>Admin trip</p>", "image", "admin.jpg", "images",
					List.of("admin.jpg"), "highlights", List.of("Reef dive"), "keywords", List.of("reef"),
					"attributes", Map.of("difficulty", "easy")));
		change.accept(body);
		return body;
	}

	private static Map<String, Object> stay(String code) {
		return stay(code, body -> {
		});
	}

	private static Map<String, Object> stay(String code, Consumer<Map<String, Object>> change) {
		Body body = new Body();
		body.put("code", code).put("name", "Admin Villa " + code).put("country", "Greece").put("city", "Oia")
			.put("pricePerNight", "420.00").put("currency", "EUR").put("maxGuests", 6)
			.put("content", Map.of("description", "<p>Admin villa</p>", "amenities", List.of("Plunge pool"),
					"attributes", Map.of("bedrooms", 3)));
		change.accept(body);
		return body;
	}

	/** A JSON object under construction; put returns the body so that changes read as one line. */
	private static final class Body extends LinkedHashMap<String, Object> {

		@Override
		public Body put(String key, Object value) {
			super.put(key, value);
			return this;
		}
	}
}
