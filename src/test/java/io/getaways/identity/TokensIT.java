package io.getaways.identity;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.getaways.platform.embedded.EmbeddedRedisServer;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Access tokens as signed JWTs, rotating refresh tokens, sign-out and signing-key
 * rotation.
 */
@IntegrationTest
class TokensIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	ApplicationContext context;

	@Autowired
	JWKSource<SecurityContext> signingKeys;

	private HttpApi http;

	private TestAccounts accounts;

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@Test
	void accessTokenIsAnRs256JwtVerifiedByAPublishedKeyAndCarriesTheClaims() throws Exception {
		JsonNode session = accounts.newCustomer();
		SignedJWT jwt = SignedJWT.parse(accessToken(session));
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		RSAKey published = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(published).as("kid %s in the JWKS", jwt.getHeader().getKeyID()).isNotNull();
		assertThat(published.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();

		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(TestAccounts.userId(session));
		assertThat(claims.getStringClaim("email")).isEqualTo(session.path("user").path("email").asString());
		assertThat(claims.getStringClaim("name")).isEqualTo("Test Traveller");
		assertThat(claims.getStringListClaim("roles")).containsExactly("customer");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getIssueTime()).isNotNull();
		assertThat(claims.getExpirationTime()).isAfter(new Date()).isAfter(claims.getIssueTime());
	}

	@Test
	void refreshRotatesAndASpentTokenPresentedAgainRevokesItsWholeFamily() {
		JsonNode first = accounts.newCustomer();
		JsonNode otherSignIn = accounts.signIn(first.path("user").path("email").asString());

		Answer rotated = refresh(first.path("refreshToken").asString());
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String next = rotated.json().path("refreshToken").asString();
		assertThat(next).isNotBlank().isNotEqualTo(first.path("refreshToken").asString());
		assertThat(accounts.get("/api/v1/me", accessToken(rotated.json())).status()).isEqualTo(200);

		Answer reused = refresh(first.path("refreshToken").asString());
		assertThat(reused.status()).as(reused.toString()).isEqualTo(401);
		assertThat(reused.contentType()).startsWith("application/problem+json");
		assertThat(refresh(next).status()).as("the newest token of the family").isEqualTo(401);
		assertThat(refresh(otherSignIn.path("refreshToken").asString()).status()).as("another sign-in").isEqualTo(200);
	}

	@Test
	void signOutRefusesTheAccessTokenAndTheRefreshTokenAfterwards() {
		JsonNode session = accounts.newCustomer();
		assertThat(accounts.get("/api/v1/me", accessToken(session)).status()).isEqualTo(200);
		assertThat(logout(session).status()).isEqualTo(204);

		Answer after = accounts.get("/api/v1/me", accessToken(session));
		assertThat(after.status()).as(after.toString()).isEqualTo(401);
		assertThat(refresh(session.path("refreshToken").asString()).status()).isEqualTo(401);
	}

	@Test
	void revokedTokensStayRefusedAndValidOnesWorkWhileRedisIsDown() {
		EmbeddedStores stores = TestStores.embedded(context);
		EmbeddedRedisServer redis = stores == null ? null : stores.redis();
		assumeThat(redis).as("only an embedded Redis can be stopped by a test").isNotNull();
		JsonNode revokedBefore = accounts.newCustomer();
		JsonNode valid = accounts.newCustomer();
		JsonNode revokedDuring = accounts.newCustomer();
		assertThat(logout(revokedBefore).status()).isEqualTo(204);
		try {
			redis.stop();
			assertThat(logout(revokedDuring).status()).isEqualTo(204);
			assertThat(accounts.get("/api/v1/me", accessToken(revokedBefore)).status()).isEqualTo(401);
			assertThat(accounts.get("/api/v1/me", accessToken(revokedDuring)).status()).isEqualTo(401);
			Answer me = accounts.get("/api/v1/me", accessToken(valid));
			assertThat(me.status()).as(me.toString()).isEqualTo(200);
		}
		finally {
			redis.restart();
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http.get("/actuator/health").json().path("components").path("redis").path("status").asString(),
					"UP"::equals);
		assertThat(accounts.get("/api/v1/me", accessToken(revokedDuring)).status()).isEqualTo(401);
	}

	@Test
	void rotationSignsNewTokensWithANewKeyWhileOlderTokensKeepWorking() throws ParseException {
		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		JsonNode before = accounts.newCustomer();
		String oldKid = SignedJWT.parse(accessToken(before)).getHeader().getKeyID();

		Answer rotated = accounts.send("POST", "/api/v1/admin/signing-keys/rotate", accessToken(admin), null);
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String newKid = rotated.json().path("kid").asString();
		assertThat(newKid).isNotBlank().isNotEqualTo(oldKid);

		JsonNode after = accounts.signIn(before.path("user").path("email").asString());
		assertThat(SignedJWT.parse(accessToken(after)).getHeader().getKeyID()).isEqualTo(newKid);
		assertThat(accounts.get("/api/v1/me", accessToken(after)).status()).isEqualTo(200);
		assertThat(accounts.get("/api/v1/me", accessToken(before)).status()).isEqualTo(200);
		assertThat(jwks().getKeys()).extracting(key -> key.getKeyID()).contains(oldKid, newKid);

		Answer customer = accounts.send("POST", "/api/v1/admin/signing-keys/rotate", accessToken(after), null);
		assertThat(customer.status()).isEqualTo(403);
	}

	@Test
	void tokensSignedByAForeignKeyOrExpiredAreRefused() throws Exception {
		JsonNode session = accounts.newCustomer();
		SignedJWT genuine = SignedJWT.parse(accessToken(session));
		String kid = genuine.getHeader().getKeyID();
		Instant now = Instant.now();
		JWTClaimsSet fresh = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.build();
		JWTClaimsSet expired = new JWTClaimsSet.Builder(fresh).issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
			.expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
			.build();
		RSAKey foreign = new RSAKeyGenerator(2048).keyID(kid).generate();
		RSAKey ours = signingKey(kid);

		assertThat(accounts.get("/api/v1/me", sign(fresh, ours)).status()).as("control: our key, fresh claims")
			.isEqualTo(200);
		assertThat(accounts.get("/api/v1/me", sign(fresh, foreign)).status()).isEqualTo(401);
		assertThat(accounts.get("/api/v1/me", sign(expired, ours)).status()).isEqualTo(401);
		assertThat(accounts.get("/api/v1/me", "not.a.jwt").status()).isEqualTo(401);
	}

	private Answer refresh(String refreshToken) {
		return http.send("POST", "/api/v1/auth/refresh", "application/json", json("refreshToken", refreshToken),
				"X-Forwarded-For", TestAccounts.address());
	}

	private Answer logout(JsonNode session) {
		return accounts.send("POST", "/api/v1/auth/logout", accessToken(session),
				json("refreshToken", session.path("refreshToken").asString()));
	}

	private JWKSet jwks() throws ParseException {
		Answer answer = http.get("/.well-known/jwks.json");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return JWKSet.parse(answer.body());
	}

	/** The key the service signs with, as its OAuth2 token endpoint obtains it. */
	private RSAKey signingKey(String kid) throws Exception {
		List<JWK> keys = signingKeys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
		assertThat(keys).hasSize(1);
		return keys.get(0).toRSAKey();
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
