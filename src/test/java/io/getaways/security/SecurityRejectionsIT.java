package io.getaways.security;

import java.util.List;

import io.getaways.security.RawHttp.Response;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security filters refuse before any controller runs: the firewall's 400, and
 * 401 and 403, in problem+json on the Getaways API and in Travlr's {@code {"message":
 * ...}} on its routes, each with a request id.
 */
@IntegrationTest
class SecurityRejectionsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private HttpApi http;

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/trips/GALR210214;x=1", "/api/v1/trips//GALR210214",
			"/api/v1/trips/%2e%2e/admin/audit", "/api/v1/trips/%25", "/api/v1/me;x=1" })
	void aRequestTheFirewallRefusesIsAProblem(String target) {
		Response response = raw(target);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
		assertThat(problem.path("detail").asString()).contains("refused");
		assertThat(response.header("X-Request-Id")).matches("[A-Za-z0-9._-]{1,64}");
	}

	@Test
	void aRequestTheFirewallRefusesOnATravlrRouteGetsTravlrsShape() {
		Response response = raw("/api/trips/GALR210214;x=1");
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(JSON.readTree(response.body()).path("message").asString()).isEqualTo("Bad Request");
	}

	@Test
	void unauthenticatedAndForbiddenAreProblems() {
		Answer anonymous = http.get("/api/v1/me");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");

		TestAccounts accounts = new TestAccounts(http);
		Answer customer = accounts.get("/api/v1/admin/trips", TestAccounts.accessToken(accounts.newCustomer()));
		assertThat(customer.status()).as(customer.toString()).isEqualTo(403);
		assertThat(customer.contentType()).startsWith("application/problem+json");
		assertThat(customer.json().path("status").asInt()).isEqualTo(403);

		Answer badToken = http.get("/api/v1/me", "Authorization", "Bearer not.a.jwt");
		assertThat(badToken.status()).isEqualTo(401);
		assertThat(badToken.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theTokenEndpointWithoutClientCredentialsIsAProblemToo() {
		Answer none = http.send("POST", "/oauth2/token", "application/x-www-form-urlencoded",
				"grant_type=client_credentials&scope=catalog%3Aread");
		assertThat(none.status()).as(none.toString()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		assertThat(none.json().path("detail").asString()).contains("Client credentials");
		assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
	}

	private Response raw(String target) {
		return RawHttp.exchange(port, "GET", target, List.of("X-Forwarded-For: " + TestAccounts.address()), null, null);
	}

}
