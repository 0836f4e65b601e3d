package io.getaways.booking.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.getaways.booking.TestBookingApi;
import io.getaways.platform.web.DomainStatuses;
import io.getaways.catalog.Inventory;
import io.getaways.payment.PaymentDeclinedException;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.Payments;
import io.getaways.payment.RefundReceipt;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.web.DomainStatuses;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A declined payment leaves the booking PENDING with its hold running. The gateway's
 * refusal is the only stand-in here: payments that always decline, wired into the
 * booking's real transitions over the real database.
 */
@IntegrationTest
class PaymentDeclineIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingRepository bookings;

	@Autowired
	Inventory inventory;

	@Autowired
	BookingEvents events;

	@Autowired
	RetryingTransactions transactions;

	@Autowired
	BookingSettings settings;

	@Autowired
	Payments payments;

	@Test
	void aDeclinedPaymentLeavesTheBookingPendingAndPayableLater() {
		TestBookingApi fixtures = new TestBookingApi(context, new HttpApi(port));
		String trip = fixtures.trip(5, "60.00", Instant.now().plus(Duration.ofDays(40)));
		JsonNode traveller = fixtures.accounts().newCustomer();
		String id = fixtures.bookOk(accessToken(traveller), tripBody(trip, 2));
		Map<String, Object> before = row(fixtures, id);
		BookingTransitions declining = new BookingTransitions(bookings, inventory, new DecliningPayments(payments),
				events, transactions, settings);
		Actor actor = new Actor(Actor.Role.CUSTOMER, TestAccounts.userId(traveller), "test:decline", null, null,
				UUID.randomUUID().toString());

		assertThatThrownBy(() -> ActorContext.runAs(actor,
				() -> declining.pay(UUID.fromString(TestAccounts.userId(traveller)), UUID.fromString(id))))
			.isInstanceOfSatisfying(PaymentDeclinedException.class,
					declined -> assertThat(DomainStatuses.of(declined).value()).isEqualTo(402));

		assertThat(row(fixtures, id)).isEqualTo(before);
		assertThat(before.get("status")).isEqualTo("PENDING");
		assertThat(fixtures.count("SELECT count(*) FROM app.payments WHERE booking_id = ?::uuid", id)).isZero();
		assertThat(fixtures.seats(trip)[0]).isEqualTo(2);
		assertThat(fixtures.pay(accessToken(traveller), id).status()).as("paid with another card").isEqualTo(200);
	}

	private static Map<String, Object> row(TestBookingApi fixtures, String id) {
		return fixtures
			.rows("SELECT status, hold_expires_at, confirmed_at, updated_at FROM app.bookings " + "WHERE id = ?::uuid",
					id)
			.get(0);
	}

	/**
	 * Refuses every capture, as a gateway does a card without funds; reads go to the real
	 * payments.
	 */
	private record DecliningPayments(Payments real) implements Payments {

		@Override
		public PaymentReceipt capture(UUID bookingId, UUID userId, BigDecimal amount, String currency) {
			throw new PaymentDeclinedException(bookingId, "insufficient funds");
		}

		@Override
		public Optional<RefundReceipt> refund(UUID bookingId, BigDecimal amount, String reason) {
			return real.refund(bookingId, amount, reason);
		}

		@Override
		public List<PaymentReceipt> paymentsOf(UUID bookingId) {
			return real.paymentsOf(bookingId);
		}

		@Override
		public List<RefundReceipt> refundsOf(UUID bookingId) {
			return real.refundsOf(bookingId);
		}
	}

}
