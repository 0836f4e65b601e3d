package io.getaways.booking.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingDetails;
import io.getaways.booking.BookingNotFoundException;
import io.getaways.booking.BookingPage;
import io.getaways.booking.BookingQuery;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.getaways.booking.ImportedTripBooking;
import io.getaways.booking.internal.BookingSearches.Filter;
import io.getaways.payment.Payments;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The booking module's facade. The traveller's methods always filter by the caller's own
 * user id, also for an admin calling them, so "mine" means mine; row-level security
 * enforces the same for travellers underneath.
 */
@Service
@EnableConfigurationProperties(BookingSettings.class)
class BookingService implements Bookings {

	private final BookingPlacement placement;

	private final BookingImports imports;

	private final BookingTransitions transitions;

	private final BookingRepository bookings;

	private final BookingSearches searches;

	private final Payments payments;

	private final RetryingTransactions transactions;

	BookingService(BookingPlacement placement, BookingTransitions transitions, BookingRepository bookings,
			BookingSearches searches, Payments payments, RetryingTransactions transactions, BookingImports imports) {
		this.imports = imports;
		this.placement = placement;
		this.transitions = transitions;
		this.bookings = bookings;
		this.searches = searches;
		this.payments = payments;
		this.transactions = transactions;
	}

	@Override
	public Booking bookTrip(String tripCode, int seats) {
		return placement.bookTrip(currentUser(), tripCode, seats);
	}

	@Override
	public Booking bookStay(String stayCode, LocalDate checkIn, LocalDate checkOut, int guests) {
		return placement.bookStay(currentUser(), stayCode, checkIn, checkOut, guests);
	}

	@Override
	public BookingDetails findMine(UUID id) {
		UUID userId = currentUser();
		return transactions
			.read(status -> details(bookings.findOwn(id, userId).orElseThrow(() -> new BookingNotFoundException(id))));
	}

	@Override
	public BookingPage listMine(BookingStatus status, int page, int size) {
		return page(Filter.mine(currentUser(), status), page, size);
	}

	@Override
	public Booking pay(UUID id) {
		return transitions.pay(currentUser(), id);
	}

	@Override
	public Booking cancel(UUID id) {
		return transitions.cancel(currentUser(), id);
	}

	@Override
	public BookingPage search(BookingQuery query) {
		requireAdmin();
		return page(Filter.of(query), query.page(), query.size());
	}

	@Override
	public BookingDetails findAny(UUID id) {
		requireAdmin();
		return transactions
			.read(status -> details(bookings.findAny(id).orElseThrow(() -> new BookingNotFoundException(id))));
	}

	@Override
	public Booking cancelAsAdmin(UUID id) {
		requireAdmin();
		return transitions.cancelAsAdmin(id);
	}

	private BookingDetails details(BookingRow row) {
		return new BookingDetails(row.booking(), payments.paymentsOf(row.id()), payments.refundsOf(row.id()));
	}

	private BookingPage page(Filter filter, int page, int size) {
		return transactions.read(status -> {
			List<Booking> items = searches.page(filter, size, (long) page * size)
				.stream()
				.map(BookingRow::booking)
				.toList();
			return new BookingPage(items, page, size, searches.count(filter));
		});
	}

	@Override
	public Booking importTripBooking(ImportedTripBooking booking) {
		requireAdmin();
		return imports.importTrip(booking);
	}

	private static UUID currentUser() {
		String userId = ActorContext.current().userId();
		if (userId == null) {
			throw new NotAllowedException("Bookings are made and seen by a signed-in traveller");
		}
		return UUID.fromString(userId);
	}

	/**
	 * Checked here as well as on the routes, so no caller reaches every booking without
	 * the right role.
	 */
	private static void requireAdmin() {
		Actor.Role role = ActorContext.current().role();
		if (role != Actor.Role.ADMIN && role != Actor.Role.JOBS) {
			throw new NotAllowedException("Every traveller's bookings are for admins only");
		}
	}

}
