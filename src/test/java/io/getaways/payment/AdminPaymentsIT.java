package io.getaways.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.getaways.identity.UserAccount;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin views of payments over real HTTP, with real sign-ins of an admin and of
 * travellers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPaymentsIT {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String BASE = "/api/v1/admin/payments";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Payments payments;

	@Autowired
	TransactionTemplate transactions;

	TestAccounts accounts;

	TestPayers payers;

	String adminToken;

	String customerToken;

	UserAccount alice;

	UserAccount bob;

	final List<PaymentReceipt> alicePayments = new ArrayList<>();

	PaymentReceipt bobPayment;

	@BeforeAll
	void paymentsOfTwoTravellers() {
		accounts = new TestAccounts(new HttpApi(port));
		payers = new TestPayers(context);
		adminToken = TestAccounts.accessToken(accounts.signIn(payers.newUser("admin").email()));
		alice = payers.newUser("customer");
		bob = payers.newUser("customer");
		customerToken = TestAccounts.accessToken(accounts.signIn(alice.email()));
		for (String amount : List.of("100.00", "250.00")) {
			alicePayments.add(pay(alice, amount));
		}
		bobPayment = pay(bob, "80.00");
		inTransaction(bob, () -> payments.refund(bobPayment.bookingId(), new BigDecimal("30.00"), "first part"));
		inTransaction(bob, () -> payments.refund(bobPayment.bookingId(), new BigDecimal("20.00"), "second part"));
	}

	@Test
	void anAdminSeesEveryTravellersPaymentsNewestFirst() {
		JsonNode alices = ok(BASE + "?userId=" + alice.id());
		assertThat(ids(alices)).containsExactly(alicePayments.get(1).id().toString(),
				alicePayments.get(0).id().toString());
		assertThat(alices.path("totalItems").asLong()).isEqualTo(2);
		JsonNode bobs = ok(BASE + "?bookingId=" + bobPayment.bookingId());
		assertThat(ids(bobs)).containsExactly(bobPayment.id().toString());
		JsonNode item = bobs.path("items").get(0);
		assertThat(item.path("userId").asString()).isEqualTo(bob.id().toString());
		assertThat(item.path("amount").decimalValue()).isEqualByComparingTo("80.00");
		assertThat(item.path("refundedAmount").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(item.path("status").asString()).isEqualTo("CAPTURED");
		assertThat(item.path("gatewayReference").asString()).isEqualTo(bobPayment.gatewayReference());
		assertThat(item.has("refunds")).isFalse();
	}

	@Test
	void filtersCombineAndPagesAreStable() {
		String alice = "?userId=" + this.alice.id();
		JsonNode first = ok(BASE + alice + "&size=1&page=0");
		JsonNode second = ok(BASE + alice + "&size=1&page=1");
		assertThat(first.path("totalPages").asLong()).isEqualTo(2);
		assertThat(ids(first)).containsExactly(alicePayments.get(1).id().toString());
		assertThat(ids(second)).containsExactly(alicePayments.get(0).id().toString());
		assertThat(ids(ok(BASE + alice + "&status=FAILED"))).isEmpty();
		assertThat(ids(ok(BASE + alice + "&status=CAPTURED"))).hasSize(2);
		Instant firstCreated = alicePayments.get(0).createdAt();
		Instant secondCreated = alicePayments.get(1).createdAt();
		assertThat(ids(ok(BASE + alice + "&from=" + encode(secondCreated.toString()))))
			.containsExactly(alicePayments.get(1).id().toString());
		assertThat(ids(ok(BASE + alice + "&to=" + encode(secondCreated.toString()))))
			.containsExactly(alicePayments.get(0).id().toString());
		assertThat(ids(ok(BASE + alice + "&from=" + encode(firstCreated.toString()) + "&to="
				+ encode(secondCreated.plusMillis(1).toString()))))
			.hasSize(2);
	}

	@Test
	void onePaymentComesWithItsRefundsOldestFirst() {
		JsonNode payment = ok(BASE + "/" + bobPayment.id());
		assertThat(payment.path("id").asString()).isEqualTo(bobPayment.id().toString());
		assertThat(payment.path("refundedAmount").decimalValue()).isEqualByComparingTo("50.00");
		JsonNode refunds = payment.path("refunds");
		assertThat(refunds).hasSize(2);
		assertThat(refunds.get(0).path("amount").decimalValue()).isEqualByComparingTo("30.00");
		assertThat(refunds.get(0).path("reason").asString()).isEqualTo("first part");
		assertThat(refunds.get(1).path("amount").decimalValue()).isEqualByComparingTo("20.00");
		assertThat(refunds.get(1).path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(ok(BASE + "/" + alicePayments.get(0).id()).path("refunds")).isEmpty();
	}

	@Test
	void anUnknownPaymentIs404ProblemJson() {
		UUID unknown = UUID.randomUUID();
		Answer answer = accounts.get(BASE + "/" + unknown, adminToken);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
		assertThat(answer.json().path("detail").asString()).isEqualTo("Payment " + unknown + " not found");
	}

	@ParameterizedTest
	@CsvSource({ "/not-a-uuid, id", "?bookingId=42, bookingId", "?userId=someone, userId", "?status=PAID, status",
			"?from=yesterday, from", "?to=2026-13-01T00:00:00Z, to", "?size=0, size", "?size=101, size",
			"?page=-1, page", "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z, from" })
	void badParametersAre400NamingThem(String pathAndQuery, String parameter) {
		Answer answer = accounts.get(BASE + pathAndQuery, adminToken);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).containsExactly(parameter);
	}

	@Test
	void aTravellerIsRefusedAndAnAnonymousCallerMustSignIn() {
		for (String path : List.of(BASE, BASE + "?userId=" + alice.id(), BASE + "/" + alicePayments.get(0).id())) {
			Answer asTraveller = accounts.get(path, customerToken);
			assertThat(asTraveller.status()).as(asTraveller.toString()).isEqualTo(403);
			assertThat(asTraveller.body()).doesNotContain(alicePayments.get(0).gatewayReference());
			Answer anonymous = new HttpApi(port).get(path, "X-Forwarded-For", TestAccounts.address());
			assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
		}
	}

	@Test
	void theViewsAreDocumentedInOpenApi() {
		JsonNode paths = new HttpApi(port).get("/v3/api-docs").json().path("paths");
		assertThat(paths.has(BASE)).isTrue();
		assertThat(paths.has(BASE + "/{id}")).isTrue();
		assertThat(paths.path(BASE + "/{id}").path("get").path("responses").has("404")).isTrue();
	}

	private PaymentReceipt pay(UserAccount user, String amount) {
		UUID booking = payers.newBooking(user.id(), new BigDecimal(amount));
		return inTransaction(user, () -> payments.capture(booking, user.id(), new BigDecimal(amount), "USD"));
	}

	private <T> T inTransaction(UserAccount user, Supplier<T> work) {
		return ActorContext.callAs(TestPayers.customer(user), () -> transactions.execute(status -> work.get()));
	}

	private JsonNode ok(String path) {
		Answer answer = accounts.get(path, adminToken);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

}
