package io.getaways.ops;

import java.util.List;
import java.util.UUID;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords and tokens never reach the log, even with the application's, Spring MVC's and
 * Spring Security's loggers at DEBUG, as an operator chasing a problem would set them;
 * and the lines written while a request is handled carry its request id.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogSecretsIT {

	private static final List<String> DEBUG_LOGGERS = List.of("io.getaways", "org.springframework.web",
			"org.springframework.security");

	@LocalServerPort
	int port;

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	void debugLogging() {
		DEBUG_LOGGERS.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
	}

	@AfterEach
	void defaultLogging() {
		DEBUG_LOGGERS.forEach(name -> logging.setLogLevel(name, null));
	}

	@Test
	void signingUpSigningInAndRefreshingLogNoPasswordOrTokenButTheRequestId(CapturedOutput output) {
		HttpApi http = new HttpApi(port);
		String from = TestAccounts.address();
		// short, so that the password falls within the first hundred characters Spring
		// would log of a body
		String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "Pw-" + UUID.randomUUID();
		String wrongPassword = "Wrong-" + UUID.randomUUID();
		String tooShort = "s" + UUID.randomUUID().toString().substring(0, 6);
		String requestId = "logs-" + UUID.randomUUID();

		Answer registered = http.send("POST", "/api/v1/auth/register", "application/json",
				json("email", email, "name", "Log Reader", "password", password), "X-Forwarded-For", from,
				"X-Request-Id", requestId);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		Answer signedIn = http.send("POST", "/api/v1/auth/login", "application/json",
				json("email", email, "password", password), "X-Forwarded-For", from);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		Answer refused = http.send("POST", "/api/v1/auth/login", "application/json",
				json("email", email, "password", wrongPassword), "X-Forwarded-For", from);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
		Answer invalid = http.send("POST", "/api/v1/auth/register", "application/json",
				json("email", TestAccounts.email(), "name", "Short", "password", tooShort), "X-Forwarded-For", from);
		assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
		String refreshToken = signedIn.json().path("refreshToken").asString();
		Answer refreshed = http.send("POST", "/api/v1/auth/refresh", "application/json",
				json("refreshToken", refreshToken), "X-Forwarded-For", from);
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		String accessToken = refreshed.json().path("accessToken").asString();
		Answer preferences = http.get("/api/v1/me/preferences", "Authorization", "Bearer " + accessToken,
				"X-Forwarded-For", from);
		assertThat(preferences.status()).as(preferences.toString()).isEqualTo(200);

		String log = output.getAll();
		assertThat(log).as("the request's log lines carry its request id").contains("[" + requestId + "/");
		assertThat(log).doesNotContain(password.substring(0, 12), wrongPassword.substring(0, 12), tooShort);
		for (JsonNode session : List.of(registered.json(), signedIn.json(), refreshed.json())) {
			assertNoPartOf(log, session.path("accessToken").asString());
			assertNoPartOf(log, session.path("refreshToken").asString());
		}
	}

	/**
	 * Neither the token nor a truncated copy of it: Spring logs long values cut to their
	 * first hundred characters. A JWT's header is the same for every token, so the check
	 * starts inside its claims, where the user id is.
	 */
	private static void assertNoPartOf(String log, String token) {
		assertThat(token).isNotBlank();
		int claims = token.indexOf('.') + 1;
		String distinctive = token.substring(claims + 12, Math.min(token.length(), claims + 40));
		assertThat(log).as("log holds part of a token").doesNotContain(token, distinctive);
	}

}
