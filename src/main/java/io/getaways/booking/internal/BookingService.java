package io.getaways.booking.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingDetails;
import io.getaways.booking.BookingNotFoundException;
import io.getaways.booking.BookingPage;
import io.getaways.booking.BookingPassengers;
import io.getaways.booking.Passenger;
import io.getaways.booking.PassengerMatch;
import io.getaways.booking.BookingQuery;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.getaways.booking.ImportedStayBooking;
import io.getaways.booking.ImportedTripBooking;
import io.getaways.booking.ImportedTripBookingOutcome;
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

	private final StayBookingImports stayImports;

	private final BookingTransitions transitions;

	private final BookingRepository bookings;

	private final BookingSearches searches;

	private final Payments payments;

	private final RetryingTransactions transactions;

	private final PassengerService passengers;

	BookingService(BookingPlacement placement, BookingTransitions transitions, BookingRepository bookings,
			BookingSearches searches, Payments payments, RetryingTransactions transactions, BookingImports imports,
			StayBookingImports stayImports, PassengerService passengers) {
		this.passengers = passengers;
		this.imports = imports;
		this.stayImports = stayImports;
		this.placement = placement;
		this.transitions = transitions;
		this.bookings = bookings;
		this.searches = searches;
		this.payments = payments;
		this.transactions = transactions;
	}

	@Override
	public Booking bookTrip(String tripCode, int seats) {
		return bookTrip(tripCode, seats, null);
	}

	@Override
	public Booking bookStay(String stayCode, LocalDate checkIn, LocalDate checkOut, int guests) {
		return bookStay(stayCode, checkIn, checkOut, guests, null);
	}

	@Override
	public Booking bookTrip(String tripCode, int seats, List<Passenger> passengers) {
		return placement.bookTrip(currentUser(), tripCode, seats, passengers);
	}

	@Override
	public Booking bookStay(String stayCode, LocalDate checkIn, LocalDate checkOut, int guests,
			List<Passenger> passengers) {
		return placement.bookStay(currentUser(), stayCode, checkIn, checkOut, guests, passengers);
	}

	@Override
	public List<Passenger> passengersOfMine(UUID bookingId) {
		return passengers.ofMine(currentUser(), bookingId);
	}

	@Override
	public List<Passenger> replacePassengersOfMine(UUID bookingId, List<Passenger> list) {
		return passengers.replaceOfMine(currentUser(), bookingId, list);
	}

	@Override
	public List<BookingPassengers> myBookingsWithPassengers() {
		return passengers.allOfMine(currentUser());
	}

	@Override
	public List<Passenger> passengersOfAny(UUID bookingId) {
		requireAdmin();
		return passengers.ofAny(bookingId);
	}

	@Override
	public Passenger revealPassenger(UUID bookingId, UUID passengerId) {
		requireAdmin();
		return passengers.reveal(bookingId, passengerId, currentUser());
	}

	@Override
	public List<PassengerMatch> findPassengersByDocument(String documentNumber) {
		requireAdmin();
		return passengers.byDocument(documentNumber);
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

	@Override
	public List<ImportedTripBookingOutcome> importTripBookings(List<ImportedTripBooking> bookings) {
		requireAdmin();
		return imports.importTrips(bookings);
	}

	@Override
	public Booking importStayBooking(ImportedStayBooking booking) {
		requireAdmin();
		return stayImports.importStay(booking);
	}

	@Override
	public void announceImportedSeats(Collection<String> tripCodes) {
		requireAdmin();
		imports.announceSeats(tripCodes);
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
