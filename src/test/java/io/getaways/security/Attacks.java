package io.getaways.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The table of hostile requests: every parameter of the sign-in and catalog endpoints, of
 * both APIs, meets every attack that fits where it travels (JSON body, query string, path
 * or header).
 */
final class Attacks {

	/** What a request may legitimately leave behind. */
	enum Writes {

		/** Nothing at all. */
		NONE,
		/** Failed sign-in events in the audit log, and throttling counters. */
		FAILED_SIGN_IN,
		/** One new account, when the rest of a registration is valid. */
		ACCOUNT

	}

	record Attack(String name, String method, String target, List<String> headers, String body, Writes writes) {

		@Override
		public String toString() {
			return name;
		}
	}

	static final String SQL_TAUTOLOGY = "' OR '1'='1";
	static final String SQL_DROP = "'; DROP TABLE app.users; --";
	static final String NOSQL_GT = "{\"$gt\": \"\"}";
	static final String NOSQL_NE = "{\"$ne\": null}";

	/** JSON values put where a string is expected. */
	private static final Map<String, String> HOSTILE_JSON_VALUES = hostileJsonValues();

	private static final List<String> MALFORMED_BODIES = List.of("{\"email\": \"a@example.com\", \"password\": }",
			"not json at all", "{\"email\": \"a@example.com\"", "[]", "\"just a string\"", "null", "");

	private static final List<String> HEADER_INJECTIONS = List.of("a\r\nSet-Cookie: injected=1",
			"a\nSet-Cookie: injected=1", "a\r\n\r\nHTTP/1.1 200 OK\r\nSet-Cookie: injected=1",
			"a%0d%0aSet-Cookie:%20injected=1");

	private Attacks() {
	}

	static List<Attack> all() {
		List<Attack> attacks = new ArrayList<>();
		body(attacks, "POST", "/api/v1/auth/register", Attacks::registration, Map.of("email", Writes.NONE),
				Writes.ACCOUNT);
		body(attacks, "POST", "/api/v1/auth/login", Attacks::signIn, Map.of(), Writes.FAILED_SIGN_IN);
		body(attacks, "POST", "/api/v1/auth/refresh", () -> Map.of("refreshToken", "bm90LWEtcmVhbC10b2tlbg"), Map.of(),
				Writes.NONE);
		body(attacks, "POST", "/api/login", Attacks::signIn, Map.of(), Writes.FAILED_SIGN_IN);
		body(attacks, "POST", "/api/register", Attacks::registration, Map.of("email", Writes.NONE), Writes.ACCOUNT);
		query(attacks);
		for (String path : List.of("/api/v1/trips/", "/api/trips/")) {
			for (String value : List.of(SQL_TAUTOLOGY, SQL_DROP, NOSQL_GT, NOSQL_NE, "GALR210214' --",
					"x".repeat(300))) {
				attacks.add(new Attack("GET " + path + "{" + abbreviate(value) + "}", "GET", path + pathSegment(value),
						List.of(), null, Writes.NONE));
			}
		}
		headers(attacks);
		return numbered(attacks);
	}

	/**
	 * Each case gets fresh valid values, so no two cases share an account's sign-in
	 * throttling.
	 */
	private static void body(List<Attack> attacks, String method, String path, Supplier<Map<String, String>> valid,
			Map<String, Writes> writesByField, Writes otherwise) {
		for (String field : valid.get().keySet()) {
			Writes writes = writesByField.getOrDefault(field, otherwise);
			HOSTILE_JSON_VALUES
				.forEach((label, json) -> attacks.add(new Attack(method + " " + path + " " + field + "=" + label,
						method, path, List.of(), jsonWith(valid.get(), field, json), writes)));
		}
		for (String malformed : MALFORMED_BODIES) {
			attacks.add(new Attack(method + " " + path + " body " + abbreviate(malformed), method, path, List.of(),
					malformed, Writes.NONE));
		}
	}

	private static void query(List<Attack> attacks) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		List<String> text = List.of(SQL_TAUTOLOGY, SQL_DROP, NOSQL_GT, NOSQL_NE, "%' OR 1=1 --", "x".repeat(5_000));
		List<String> number = List.of(SQL_TAUTOLOGY, NOSQL_GT, "abc", "1e999", "-1", "99999999999999999999999", "[1]");
		List<String> date = List.of(SQL_DROP, NOSQL_NE, "2025-13-45", "yesterday", "2025-01-01' OR '1'='1");
		for (String name : List.of("q", "resort")) {
			values.put(name, text);
		}
		for (String name : List.of("minPrice", "maxPrice", "page", "size")) {
			values.put(name, number);
		}
		for (String name : List.of("departFrom", "departTo")) {
			values.put(name, date);
		}
		values.put("sort", List.of(SQL_TAUTOLOGY, SQL_DROP, NOSQL_GT, "price; DROP TABLE app.trips", "name desc"));
		values.forEach((name, list) -> list
			.forEach(value -> attacks.add(new Attack("GET /api/v1/trips?" + name + "=" + abbreviate(value), "GET",
					"/api/v1/trips?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), List.of(), null,
					Writes.NONE))));
		attacks.add(new Attack("GET /api/v1/trips?q[$ne]=", "GET", "/api/v1/trips?q%5B%24ne%5D=x", List.of(), null,
				Writes.NONE));
		attacks.add(new Attack("GET /api/v1/trips?q twice", "GET", "/api/v1/trips?q=a&q=%27%20OR%20%271", List.of(),
				null, Writes.NONE));
	}

	private static void headers(List<Attack> attacks) {
		for (String header : List.of("X-Request-Id", "User-Agent")) {
			for (String value : HEADER_INJECTIONS) {
				String line = header + ": " + value;
				String label = header + ": " + value.replace("\r", "\\r").replace("\n", "\\n");
				attacks.add(new Attack("GET /api/v1/trips " + label, "GET", "/api/v1/trips?size=1", List.of(line), null,
						Writes.NONE));
				attacks.add(new Attack("GET /api/trips/GALR210214 " + label, "GET", "/api/trips/GALR210214",
						List.of(line), null, Writes.NONE));
				attacks.add(new Attack("POST /api/v1/auth/login " + label, "POST", "/api/v1/auth/login", List.of(line),
						json(signIn()), Writes.FAILED_SIGN_IN));
			}
		}
	}

	private static Map<String, String> hostileJsonValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("sql-tautology", quote(SQL_TAUTOLOGY));
		values.put("sql-drop", quote(SQL_DROP));
		values.put("nosql-gt", NOSQL_GT);
		values.put("nosql-ne", NOSQL_NE);
		values.put("number", "12345678");
		values.put("array", "[\"a@example.com\"]");
		values.put("object", "{\"value\": \"a@example.com\"}");
		values.put("boolean", "true");
		values.put("500-chars", quote("x".repeat(500)));
		values.put("1.5MB-string", quote("a".repeat(1_500_000)));
		return values;
	}

	/** A registration that would succeed on its own. */
	private static Map<String, String> registration() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("email", freshEmail());
		fields.put("name", "Injection Test");
		fields.put("password", "correct horse battery staple");
		return fields;
	}

	/**
	 * A sign-in with an account that does not exist, so it fails without locking anyone
	 * out.
	 */
	private static Map<String, String> signIn() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("email", freshEmail());
		fields.put("password", "not the password");
		return fields;
	}

	private static String freshEmail() {
		return "injection-" + UUID.randomUUID() + "@example.com";
	}

	private static String jsonWith(Map<String, String> fields, String field, String rawJsonValue) {
		return fields.entrySet()
			.stream()
			.map(entry -> quote(entry.getKey()) + ": "
					+ (entry.getKey().equals(field) ? rawJsonValue : quote(entry.getValue())))
			.collect(Collectors.joining(", ", "{", "}"));
	}

	private static String json(Map<String, String> fields) {
		return jsonWith(fields, null, null);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Every byte outside the unreserved set percent-encoded, as a client puts a value in
	 * one path segment.
	 */
	private static String pathSegment(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	private static String abbreviate(String value) {
		return value.length() > 40 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
	}

	/**
	 * Numbered so that each case has a client address of its own (sign-in throttling
	 * counts per address).
	 */
	private static List<Attack> numbered(List<Attack> attacks) {
		List<Attack> numbered = new ArrayList<>();
		for (int i = 0; i < attacks.size(); i++) {
			Attack attack = attacks.get(i);
			numbered.add(new Attack(String.format("%03d %s", i, attack.name()), attack.method(), attack.target(),
					attack.headers(), attack.body(), attack.writes()));
		}
		return numbered;
	}

}
