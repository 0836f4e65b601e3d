package io.getaways.identity;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins read users and grant and revoke roles; every change is in the audit log; nobody
 * else may.
 */
@IntegrationTest
class AdminUsersIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	private TestAccounts accounts;

	private JsonNode admin;

	@BeforeEach
	void connect() {
		accounts = new TestAccounts(new HttpApi(port));
		admin = accounts.newUserWithRole(identity, "admin");
	}

	@Test
	void grantedAndRevokedRolesReachTheUsersNextToken() throws ParseException {
		JsonNode user = accounts.newCustomer();
		String email = user.path("user").path("email").asString();
		String roles = "/api/v1/admin/users/" + TestAccounts.userId(user) + "/roles/";

		assertThat(asAdmin("PUT", roles + "partner").status()).isEqualTo(204);
		JsonNode read = accounts.get("/api/v1/admin/users/" + TestAccounts.userId(user), accessToken(admin)).json();
		assertThat(read.path("roles")).extracting(JsonNode::asString).containsExactlyInAnyOrder("customer", "partner");
		assertThat(roles(accessToken(user))).as("a token issued before the grant").containsExactly("customer");
		assertThat(roles(accessToken(accounts.signIn(email)))).containsExactlyInAnyOrder("customer", "partner");

		assertThat(asAdmin("DELETE", roles + "partner").status()).isEqualTo(204);
		assertThat(roles(accessToken(accounts.signIn(email)))).containsExactly("customer");
		Answer again = asAdmin("DELETE", roles + "partner");
		assertThat(again.status()).as("a role the user no longer has").isEqualTo(404);
	}

	@Test
	void aGrantedAdminRoleOpensTheAdminApiAtTheNextSignIn() {
		JsonNode user = accounts.newCustomer();
		String email = user.path("user").path("email").asString();
		String path = "/api/v1/admin/users/" + TestAccounts.userId(user);
		Answer refused = accounts.get(path, accessToken(user));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");

		assertThat(asAdmin("PUT", path + "/roles/admin").status()).isEqualTo(204);
		assertThat(accounts.get(path, accessToken(user)).status()).as("the old token").isEqualTo(403);
		assertThat(accounts.get(path, accessToken(accounts.signIn(email))).status()).isEqualTo(200);
	}

	@Test
	void customersMayNotReadUsersOrChangeRoles() {
		JsonNode customer = accounts.newCustomer();
		String path = "/api/v1/admin/users/" + TestAccounts.userId(admin);
		assertThat(accounts.get(path, accessToken(customer)).status()).isEqualTo(403);
		assertThat(accounts
			.send("PUT", "/api/v1/admin/users/" + TestAccounts.userId(customer) + "/roles/admin", accessToken(customer),
					null)
			.status()).isEqualTo(403);
		assertThat(accounts.send("POST", "/api/v1/admin/signing-keys/rotate", accessToken(customer), null).status())
			.isEqualTo(403);
		assertThat(accounts.get("/api/v1/admin/audit", accessToken(customer)).status()).isEqualTo(403);
		assertThat(new HttpApi(port).get(path).status()).as("without a token").isEqualTo(401);
	}

	@Test
	void anUnknownRoleIsA400NamingRoleAndAnUnknownUserA404() {
		JsonNode user = accounts.newCustomer();
		Answer unknownRole = asAdmin("PUT", "/api/v1/admin/users/" + TestAccounts.userId(user) + "/roles/superuser");
		assertThat(unknownRole.status()).as(unknownRole.toString()).isEqualTo(400);
		assertThat(unknownRole.contentType()).startsWith("application/problem+json");
		assertThat(unknownRole.json().path("errors").findValuesAsString("parameter")).containsExactly("role");

		Answer unknownUser = asAdmin("PUT", "/api/v1/admin/users/" + UUID.randomUUID() + "/roles/partner");
		assertThat(unknownUser.status()).as(unknownUser.toString()).isEqualTo(404);
	}

	@Test
	void everyGrantAndRevocationIsAudited() {
		JsonNode user = accounts.newCustomer();
		String userId = TestAccounts.userId(user);
		String roles = "/api/v1/admin/users/" + userId + "/roles/";
		assertThat(asAdmin("PUT", roles + "partner").status()).isEqualTo(204);
		assertThat(asAdmin("PUT", roles + "auditor").status()).isEqualTo(204);
		assertThat(asAdmin("DELETE", roles + "partner").status()).isEqualTo(204);

		JsonNode events = audit("table=events&recordId=" + userId);
		List<String> kinds = events.findValuesAsString("operation");
		assertThat(kinds).containsSubsequence("ROLE_REVOKED", "ROLE_GRANTED", "ROLE_GRANTED");
		for (JsonNode event : events) {
			if (event.path("operation").asString().startsWith("ROLE_")) {
				assertThat(event.path("actorUserId").asString()).isEqualTo(TestAccounts.userId(admin));
				assertThat(event.path("newRow").path("role").asString()).isIn("partner", "auditor");
			}
		}
		JsonNode rowChanges = audit("table=app.user_roles&recordId=" + userId);
		assertThat(rowChanges.findValuesAsString("operation")).containsSubsequence("DELETE", "INSERT", "INSERT");
	}

	private JsonNode audit(String query) {
		Answer answer = accounts.get("/api/v1/admin/audit?size=50&" + query, accessToken(admin));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().path("items");
	}

	private Answer asAdmin(String method, String path) {
		return accounts.send(method, path, accessToken(admin), null);
	}

	private static List<String> roles(String accessToken) throws ParseException {
		return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("roles");
	}

}
