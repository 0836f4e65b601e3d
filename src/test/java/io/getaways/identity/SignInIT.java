package io.getaways.identity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.PASSWORD;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Registration and sign-in over HTTP, with the slow-down and locks that repeated failures
 * bring.
 */
@IntegrationTest
class SignInIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private HttpApi http;

	private TestAccounts accounts;

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@Test
	void registrationAnswersTokensAndTheUserWhoseTokenThenOpensMe() {
		String email = TestAccounts.email();
		Answer registered = accounts.register(email, "Ada Traveller", PASSWORD);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		JsonNode session = registered.json();
		assertThat(session.path("accessToken").asString()).isNotBlank();
		assertThat(session.path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(session.path("expiresAt").asString()).isNotBlank();
		assertThat(session.path("refreshToken").asString()).isNotBlank();
		assertThat(session.path("user").path("email").asString()).isEqualTo(email);
		assertThat(session.path("user").path("name").asString()).isEqualTo("Ada Traveller");
		assertThat(session.path("user").path("roles").toString()).isEqualTo("[\"customer\"]");

		Answer me = accounts.get("/api/v1/me", TestAccounts.accessToken(session));
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().path("id").asString()).isEqualTo(TestAccounts.userId(session));
		assertThat(me.json().path("email").asString()).isEqualTo(email);
	}

	@Test
	void emailIsUniqueWhateverItsCaseAndSignsInInAnyCase() {
		String email = TestAccounts.email();
		assertThat(accounts.register(email, "First", PASSWORD).status()).isEqualTo(201);

		Answer again = accounts.register(email.toUpperCase(Locale.ROOT), "Second", PASSWORD);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(usersWithEmail(email)).isEqualTo(1);

		Answer login = accounts.login(email.toUpperCase(Locale.ROOT), PASSWORD, TestAccounts.address());
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.json().path("user").path("email").asString()).isEqualTo(email);
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
		String email = registered();
		String from = TestAccounts.address();
		Answer wrongPassword = accounts.login(email, "not the password", from);
		Answer unknownEmail = accounts.login(TestAccounts.email(), "not the password", from);
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(unknownEmail.contentType()).isEqualTo(wrongPassword.contentType());
		assertThat(unknownEmail.json()).isEqualTo(wrongPassword.json());
	}

	/**
	 * Body, email whose account must not appear, and the fields the answer must name. A
	 * body that is not JSON, or whose values have the wrong JSON type, is refused before
	 * any field is looked at, so it names none.
	 */
	static Stream<Arguments> badRegistrations() {
		String[] emails = Stream.generate(TestAccounts::email).limit(6).toArray(String[]::new);
		return Stream.of(arguments(json("name", "N", "password", PASSWORD), "", List.of("email")),
				arguments(json("email", "not-an-email", "name", "N", "password", PASSWORD), "not-an-email",
						List.of("email")),
				arguments(json("email", emails[0], "name", "N", "password", "short"), emails[0], List.of("password")),
				arguments(json("email", emails[1], "name", "n".repeat(101), "password", PASSWORD), emails[1],
						List.of("name")),
				arguments(json("email", "", "name", " ", "password", ""), "", List.of("email", "name", "password")),
				arguments("{\"email\":\"" + emails[2] + "\",\"name\":\"N\",\"password\":", emails[2], List.of()),
				arguments(json("email", List.of(emails[3]), "name", "N", "password", PASSWORD), emails[3], List.of()),
				arguments(json("email", emails[4], "name", Map.of("first", "N"), "password", PASSWORD), emails[4],
						List.of()),
				arguments(json("email", emails[5], "name", "N", "password", List.of(PASSWORD)), emails[5], List.of()));
	}

	@ParameterizedTest
	@MethodSource("badRegistrations")
	void badRegistrationIsA400NamingEveryBadFieldAndCreatesNobody(String body, String email, List<String> fields) {
		Answer answer = http.send("POST", "/api/v1/auth/register", "application/json", body, "X-Forwarded-For",
				TestAccounts.address());
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).containsAll(fields);
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void afterThreeFailuresAttemptsWaitForTheDelayEvenWithTheRightPassword() {
		String email = registered();
		String from = TestAccounts.address();
		assertThat(accounts.login(email, "wrong-1", from).status()).isEqualTo(401);
		assertThat(accounts.login(email, "wrong-2", from).status()).isEqualTo(401);
		long thirdSent = System.nanoTime();
		assertThat(accounts.login(email, "wrong-3", from).status()).isEqualTo(401);

		Answer throttled = accounts.login(email, PASSWORD, from);
		assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
		assertThat(throttled.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();

		Answer after = retryWhileThrottled(() -> accounts.login(email, PASSWORD, from), Duration.ofSeconds(5));
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - thirdSent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void afterFiveFailuresTheAccountIsLockedFromEveryAddressUntilTheLockEnds() {
		String email = registered();
		String from = TestAccounts.address();
		long fifthSent = 0;
		for (int failures = 0; failures < 5;) {
			long sent = System.nanoTime();
			Answer answer = accounts.login(email, "wrong", from);
			if (answer.status() == 401) {
				failures++;
				fifthSent = sent;
			}
			else {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
				pause(50);
			}
		}
		Answer locked = accounts.login(email, PASSWORD, from);
		assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 3L);
		assertThat(accounts.login(email, PASSWORD, TestAccounts.address()).status()).isEqualTo(429);

		Answer unlocked = retryWhileThrottled(() -> accounts.login(email, PASSWORD, from), Duration.ofSeconds(10));
		assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - fifthSent)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void twentyFailuresFromOneAddressLockThatAddressOnly() {
		String email = registered();
		String from = TestAccounts.address();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		for (int failures = 0; failures < 20;) {
			assertThat(System.nanoTime()).as("20 failures within 20 s").isLessThan(deadline);
			Answer answer = accounts.login(TestAccounts.email(), "wrong", from);
			if (answer.status() == 401) {
				failures++;
			}
			else {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
				pause(50);
			}
		}
		Answer locked = accounts.login(email, PASSWORD, from);
		assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).isNotNull();

		Answer elsewhere = accounts.login(email, PASSWORD, TestAccounts.address());
		assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
	}

	private String registered() {
		String email = TestAccounts.email();
		Answer answer = accounts.register(email, "Throttled Traveller", PASSWORD);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return email;
	}

	/**
	 * Answers of 429 do not count as failures, so retrying through them measures only the
	 * delay.
	 */
	private static Answer retryWhileThrottled(java.util.function.Supplier<Answer> attempt, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		Answer answer = attempt.get();
		while (answer.status() == 429 && System.nanoTime() < deadline) {
			pause(50);
			answer = attempt.get();
		}
		return answer;
	}

	private int usersWithEmail(String email) {
		return ActorContext
			.callAs(Actor.job("test").as(Actor.Role.ADMIN),
					() -> transactions.execute(status -> jdbc
						.sql("SELECT count(*) FROM app.users WHERE lower(email::text) = lower(:email)")
						.param("email", email)
						.query(Integer.class)
						.single()));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
