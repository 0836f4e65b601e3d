package io.getaways.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.support.AdminPages;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's API access pages: a key whose secret is shown once and works, its
 * revocation, a partner's OAuth client, rate-limit overrides (also over the JSON API).
 */
@IntegrationTest
class AdminApiAccessPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Test
	void anAdminCreatesAKeySeenOnceThatWorksUntilRevoked() {
		String email = "keys-" + TestAccounts.email();
		identity.createUser(email, "Key Admin", TestAccounts.PASSWORD, "admin");
		WebSession admin = new WebSession(port);
		admin.signIn(email, TestAccounts.PASSWORD);
		admin.get("/admin/api-access");
		Answer bad = admin.post("/admin/api-access/keys", "name", "", "scopes", "catalog:read");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"name-error\"");
		Answer badScope = admin.post("/admin/api-access/keys", "name", "Reports", "scopes", "Not A Scope");
		assertThat(badScope.status()).isEqualTo(400);
		assertThat(badScope.body()).contains("id=\"scopes-error\"");

		Answer created = admin.post("/admin/api-access/keys", "name", "Reports", "scopes", "catalog:read");
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).contains("no-store");
		String key = group(created.body(), "<code id=\"new-key\">([^<]+)</code>");
		HttpApi api = new HttpApi(port);
		assertThat(api.get("/api/v1/admin/trips", "X-API-Key", key).status()).isIn(200, 403);

		Answer keys = admin.get("/admin/api-access?owner=" + email);
		assertThat(keys.body()).contains("Reports").doesNotContain(key);
		String revoke = group(keys.body(), "action=\"(/admin/api-access/keys/[0-9a-f-]{36}/revoke)\"");
		String ownerId = group(keys.body(), "name=\"owner\" value=\"([0-9a-f-]{36})\"");
		assertThat(admin.post(revoke, "owner", ownerId, "ownerEmail", email).status()).isEqualTo(302);
		assertThat(admin.get("/admin/api-access?owner=" + email).body()).contains("Revoked ");
		assertThat(api.get("/api/v1/admin/trips", "X-API-Key", key).status()).isEqualTo(401);
		assertThat(admin.get("/admin/api-access?owner=" + TestAccounts.email()).body()).contains("id=\"owner-error\"");
	}

	@Test
	void anAdminRegistersAPartnersClientWithTheSecretShownOnce() {
		String partner = "partner-" + TestAccounts.email();
		identity.createUser(partner, "Partner", TestAccounts.PASSWORD, "customer");
		WebSession admin = AdminPages.admin(port, identity);
		admin.get("/admin/api-access");
		Answer tooMuch = admin.post("/admin/api-access/clients", "clientName", "Partner app", "ownerEmail", partner,
				"clientScopes", "users:manage", "tokenTtlMinutes", "60");
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.body()).contains("id=\"clientScopes-error\"").contains("is not among the owner");
		Answer badTtl = admin.post("/admin/api-access/clients", "clientName", "Partner app", "ownerEmail", partner,
				"clientScopes", "catalog:read", "tokenTtlMinutes", "forever");
		assertThat(badTtl.body()).contains("id=\"tokenTtlMinutes-error\"");
		Answer created = admin.post("/admin/api-access/clients", "clientName", "Partner app", "ownerEmail", partner,
				"clientScopes", "catalog:read", "tokenTtlMinutes", "30");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		String clientId = group(created.body(), "<code id=\"new-client-id\">([^<]+)</code>");
		String secret = group(created.body(), "<code id=\"new-client-secret\">([^<]+)</code>");
		assertThat(token(clientId, secret).status()).as("the new client gets a token").isEqualTo(200);
		Answer listed = admin.get("/admin/api-access");
		assertThat(listed.body()).contains("<code>" + clientId + "</code>").doesNotContain(secret);

		assertThat(admin.postWithout("/admin/api-access/clients/" + clientId + "/revoke").status()).isEqualTo(403);
		assertThat(admin.post("/admin/api-access/clients/" + clientId + "/revoke").status()).isEqualTo(302);
		assertThat(admin.get("/admin/api-access").body()).doesNotContain("<code>" + clientId + "</code>");
		assertThat(token(clientId, secret).status()).as("a revoked client gets no token").isEqualTo(401);
	}

	private Answer token(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return new HttpApi(port).send("POST", "/oauth2/token", "application/x-www-form-urlencoded",
				"grant_type=client_credentials&scope=catalog%3Aread", "Authorization", "Basic " + basic,
				"X-Forwarded-For", TestAccounts.address());
	}

	@Test
	void anAdminSetsAndRemovesARateLimitOverride() {
		WebSession admin = AdminPages.admin(port, identity);
		String subject = "ip:10.9." + TestAccounts.address().substring(3);
		admin.get("/admin/api-access/rate-limits");
		Answer bad = admin.post("/admin/api-access/rate-limits", "subject", "everyone", "capacity", "0",
				"refillPerMinute", "ten", "note", "");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"subject-error\"")
			.contains("id=\"capacity-error\"")
			.contains("id=\"refillPerMinute-error\"");
		Answer set = admin.post("/admin/api-access/rate-limits", "subject", subject, "capacity", "500",
				"refillPerMinute", "250", "note", "Load test");
		assertThat(set.status()).isEqualTo(302);
		assertThat(admin.get("/admin/api-access/rate-limits").body()).contains(subject).contains("Load test");
		admin.post("/admin/api-access/rate-limits/remove", "subject", subject);
		assertThat(admin.get("/admin/api-access/rate-limits").body()).contains("is removed")
			.doesNotContain("<code>" + subject + "</code>");
		assertThat(admin
			.postWithout("/admin/api-access/rate-limits", "subject", subject, "capacity", "5", "refillPerMinute", "5")
			.status()).isEqualTo(403);
	}

	@Test
	void theRateLimitJsonApiSetsListsAndRemoves() {
		TestAccounts accounts = new TestAccounts(new HttpApi(port));
		String token = TestAccounts.accessToken(accounts.newUserWithRole(identity, "admin"));
		String subject = "user:" + UUID.randomUUID();
		Answer set = accounts.send("PUT", "/api/v1/admin/rate-limits/" + subject, token,
				TestAccounts.json("capacity", 50, "refillPerMinute", 20, "note", "partner"));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(accounts.get("/api/v1/admin/rate-limits", token).body()).contains(subject);
		Answer bad = accounts.send("PUT", "/api/v1/admin/rate-limits/nobody", token,
				TestAccounts.json("capacity", 0, "refillPerMinute", 20));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(accounts.send("DELETE", "/api/v1/admin/rate-limits/" + subject, token, null).status())
			.isEqualTo(204);
		assertThat(accounts.send("DELETE", "/api/v1/admin/rate-limits/" + subject, token, null).status())
			.isEqualTo(404);
		String traveller = TestAccounts.accessToken(accounts.newCustomer());
		assertThat(accounts.get("/api/v1/admin/rate-limits", traveller).status()).isEqualTo(403);
	}

	private static String group(String body, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(body);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

}
