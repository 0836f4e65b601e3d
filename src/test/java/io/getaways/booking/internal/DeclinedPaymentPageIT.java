package io.getaways.booking.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.getaways.booking.TestBookingApi;
import io.getaways.catalog.Catalog;
import io.getaways.catalog.Inventory;
import io.getaways.identity.Identity;
import io.getaways.payment.PaymentDeclinedException;
import io.getaways.payment.PaymentReceipt;
import io.getaways.payment.Payments;
import io.getaways.payment.RefundReceipt;
import io.getaways.platform.ActorContext;
import io.getaways.platform.web.PageFormats;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestBookings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declined payment on the booking page: 402, the hold kept, and the page says until
 * when. The gateway's refusal is the only stand-in, wired into the booking's real
 * transitions over the real database, as in {@link PaymentDeclineIT}.
 */
@IntegrationTest
class DeclinedPaymentPageIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Bookings bookings;

	@Autowired
	BookingRepository repository;

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

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Autowired
	BookingTransitions realTransitions;

	@Test
	void aDeclinedPaymentKeepsTheHoldAndSaysUntilWhen() {
		TestBookingApi fixtures = new TestBookingApi(context, new HttpApi(port));
		String trip = fixtures.trip(5, "60.00", Instant.now().plus(Duration.ofDays(40)));
		TestAccounts.Account traveller = TestAccounts.traveller(identity, "declined-page");
		Booking held = ActorContext.callAs(TestBookings.traveller(traveller.id()), () -> bookings.bookTrip(trip, 2));
		BookingTransitions declining = new BookingTransitions(repository, inventory, new DecliningPayments(payments),
				events, transactions, settings);
		PageFormats formats = new PageFormats();
		BookingPagesController pages = new BookingPagesController(payingWith(declining, traveller.id()),
				realTransitions, catalog, formats);
		ExtendedModelMap model = new ExtendedModelMap();
		MockHttpServletResponse response = new MockHttpServletResponse();

		String view = ActorContext.callAs(TestBookings.traveller(traveller.id()),
				() -> pages.pay(held.id(), model, response));

		assertThat(view).isEqualTo("booking/booking");
		assertThat(response.getStatus()).isEqualTo(402);
		assertThat(model.get("error")).isEqualTo("Your payment was declined. Your seats stay held until "
				+ formats.time(held.holdExpiresAt()) + "; you can try again until then.");
		assertThat(model.get("payable")).isEqualTo(true);
		Booking after = ActorContext.callAs(TestBookings.traveller(traveller.id()),
				() -> bookings.findMine(held.id()).booking());
		assertThat(after.status()).isEqualTo(BookingStatus.PENDING);
		assertThat(after.holdExpiresAt()).isEqualTo(held.holdExpiresAt());
	}

	/** The real bookings, except that paying goes through the declining transitions. */
	private Bookings payingWith(BookingTransitions declining, UUID travellerId) {
		return (Bookings) Proxy.newProxyInstance(Bookings.class.getClassLoader(), new Class<?>[] { Bookings.class },
				(proxy, method, args) -> {
					if (method.getName().equals("pay")) {
						return declining.pay(travellerId, (UUID) args[0]);
					}
					try {
						return method.invoke(bookings, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** Refuses every capture; reads go to the real payments. */
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
