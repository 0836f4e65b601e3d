package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.getaways.support.TestAccounts.PASSWORD;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Travlr deployment's own secret: with {@code getaways.travlr.jwt-secret} set, the
 * Travlr routes hand out HS256 tokens its Express server can verify, accept them on the
 * Travlr routes alone, and refuse every forged, expired, unsigned or revoked one.
 */
@IntegrationTest
@TestPropertySource(properties = "getaways.travlr.jwt-secret=" + TravlrSecretTokensIT.SECRET)
class TravlrSecretTokensIT {

	static final String SECRET = "the Travlr deployment's JWT_SECRET, 32+ bytes";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	TokenDenyList denyList;

	private HttpApi http;

	private final String address = TestAccounts.address();

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
	}

	@Test
	void loginAndRegisterAnswerHs256TokensThatAPlainCheckWithTheSecretVerifies() throws Exception {
		String email = TestAccounts.email();
		String registered = token("/api/register", json("name", "Tess Travlr", "email", email, "password", PASSWORD));
		String token = token("/api/login", json("email", email, "password", PASSWORD));

		for (String each : List.of(registered, token)) {
			assertThat(decode(each.split("\\.")[0]).path("alg").asString()).isEqualTo("HS256");
			assertThat(verifiesWith(SECRET, each)).as("HMAC-SHA256 of header.payload under the secret").isTrue();
			assertThat(verifiesWith(SECRET + "x", each)).isFalse();
		}
		JsonNode claims = decode(token.split("\\.")[1]);
		assertThat(claims.path("id").asString()).isEqualTo(claims.path("sub").asString());
		assertThat(UUID.fromString(claims.path("sub").asString())).isNotNull();
		assertThat(claims.path("email").asString()).isEqualTo(email);
		assertThat(claims.path("name").asString()).isEqualTo("Tess Travlr");
		assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
	}

	@Test
	void travlrRoutesAcceptTheTokensWithTheRolesTheyCarry() {
		assertThat(post("/api/trips", trip(TestTrips.code()), adminToken()).status()).isEqualTo(201);

		String email = TestAccounts.email();
		String customer = token("/api/register", json("name", "C", "email", email, "password", PASSWORD));
		assertThat(post("/api/trips", trip(TestTrips.code()), customer).status()).isEqualTo(403);
	}

	@Test
	void forgedExpiredUnsignedAndRevokedTokensAreRefused() throws Exception {
		String admin = adminToken();
		JsonNode claims = decode(admin.split("\\.")[1]);
		String userId = claims.path("sub").asString();

		String otherSecret = sign("another deployment's secret, also 32+ bytes", userId,
				Instant.now().plusSeconds(600));
		String expired = sign(SECRET, userId, Instant.now().minusSeconds(3600));
		String unsigned = new PlainJWT(claims(userId, Instant.now().plusSeconds(600))).serialize();
		for (String refused : List.of(otherSecret, expired, unsigned)) {
			assertThat(post("/api/trips", trip(TestTrips.code()), refused).status()).isEqualTo(401);
		}
		assertThat(post("/api/trips", trip(TestTrips.code()), sign(SECRET, userId, Instant.now().plusSeconds(600)))
			.status()).as("the same claims signed with the right secret").isEqualTo(201);

		denyList.deny(claims.path("jti").asString(), Instant.ofEpochSecond(claims.path("exp").asLong()));
		assertThat(post("/api/trips", trip(TestTrips.code()), admin).status()).as("revoked").isEqualTo(401);
	}

	@Test
	void hs256TokensOpenNothingOutsideTheTravlrRoutes() {
		String admin = adminToken();
		for (String path : List.of("/api/v1/me", "/api/v1/admin/trips", "/api/v1/admin/audit")) {
			Answer answer = http.get(path, "Authorization", "Bearer " + admin, "X-Forwarded-For", address);
			assertThat(answer.status()).as(path).isEqualTo(401);
		}
		String own = TestAccounts.accessToken(new TestAccounts(http).newUserWithRole(identity, "admin"));
		assertThat(
				http.get("/api/v1/admin/trips", "Authorization", "Bearer " + own, "X-Forwarded-For", address).status())
			.as("the service's own token still opens it")
			.isEqualTo(200);
	}

	private String adminToken() {
		String email = TestAccounts.email();
		identity.createUser(email, "Travlr Admin", PASSWORD, "admin");
		return token("/api/login", json("email", email, "password", PASSWORD));
	}

	/**
	 * What the Express server does: recompute the HMAC over the first two parts and
	 * compare.
	 */
	private static boolean verifiesWith(String secret, String token) throws Exception {
		int lastDot = token.lastIndexOf('.');
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
		return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
	}

	private static String sign(String secret, String userId, Instant expiresAt) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(userId, expiresAt));
		jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	private static JWTClaimsSet claims(String userId, Instant expiresAt) {
		return new JWTClaimsSet.Builder().subject(userId)
			.claim("id", userId)
			.claim("roles", List.of("admin"))
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(expiresAt.minusSeconds(3600)))
			.expirationTime(Date.from(expiresAt))
			.build();
	}

	private static String trip(String code) {
		return json("code", code, "name", "Secret Reef", "length", "4 nights / 5 days", "start",
				"2093-02-14T08:00:00.000Z", "resort", "Emerald Bay, 3 stars", "perPerson", "799.00", "image", "r.jpg",
				"description", "<p>Reef</p>");
	}

	private String token(String path, String body) {
		Answer answer = post(path, body, null);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().path("token").asString();
	}

	private static JsonNode decode(String part) {
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
	}

	private Answer post(String path, String body, String token) {
		return token == null ? http.send("POST", path, "application/json", body, "X-Forwarded-For", address)
				: http.send("POST", path, "application/json", body, "X-Forwarded-For", address, "Authorization",
						"Bearer " + token);
	}

}
