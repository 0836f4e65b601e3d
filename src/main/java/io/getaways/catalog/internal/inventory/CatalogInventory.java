package io.getaways.catalog.internal.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.getaways.catalog.BookableStay;
import io.getaways.catalog.BookableTrip;
import io.getaways.catalog.Inventory;
import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.TripChanged;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.TripSoldOutException;
import io.getaways.catalog.internal.StayNotFoundException;
import io.getaways.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seats are taken and given back by one conditional update each, inside the booking's
 * transaction; the CHECK constraint {@code 0 <= seats_booked <= capacity} stays behind it
 * as the last line. Every change publishes {@link TripChanged} in that transaction, so
 * the cached trip, whose seats left just changed, is evicted after commit.
 */
@Service
class CatalogInventory implements Inventory {

	private final InventoryRepository inventory;

	private final ApplicationEventPublisher events;

	CatalogInventory(InventoryRepository inventory, ApplicationEventPublisher events) {
		this.inventory = inventory;
		this.events = events;
	}

	@Override
	public BookableTrip tripForBooking(String code) {
		requireTransaction();
		return inventory.lockTrip(code).orElseThrow(() -> new TripNotFoundException(code));
	}

	@Override
	public BookableStay stayForBooking(String code) {
		requireTransaction();
		BookableStay stay = inventory.findStay(code).orElseThrow(() -> new StayNotFoundException(code));
		if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			inventory.lockStayBookings(stay.id());
		}
		return stay;
	}

	@Override
	public void reserveSeats(long tripId, int seats) {
		requireTransaction();
		requirePositive(seats);
		String code = inventory.reserve(tripId, seats).orElseThrow(() -> whyNotReserved(tripId, seats));
		events.publishEvent(new TripChanged(code));
	}

	@Override
	public Optional<BookableTrip> reserveSeatsOnTrip(String code, int seats) {
		requireTransaction();
		requirePositive(seats);
		Optional<BookableTrip> trip = inventory.reserveOnTrip(code, seats);
		trip.ifPresent(taken -> events.publishEvent(new TripChanged(taken.code())));
		return trip;
	}

	@Override
	public List<BookableTrip> tripsForBooking(Collection<String> codes) {
		requireTransaction();
		return codes.isEmpty() ? List.of() : inventory.lockTrips(codes);
	}

	@Override
	public void reserveSeats(Map<Long, Integer> seatsByTrip) {
		requireTransaction();
		seatsByTrip.values().forEach(CatalogInventory::requirePositive);
		if (seatsByTrip.isEmpty()) {
			return;
		}
		List<String> codes = inventory.reserveAll(seatsByTrip);
		if (codes.size() != seatsByTrip.size()) {
			// the caller locked the trips and counted their seats; only a change made
			// outside the booking module can bring this about
			throw new IllegalStateException("Inventory: " + (seatsByTrip.size() - codes.size())
					+ " trip(s) no longer had the seats counted for them");
		}
	}

	@Override
	public void seatsChanged(Collection<String> codes) {
		requireTransaction();
		codes.forEach(code -> events.publishEvent(new TripChanged(code)));
	}

	@Override
	public void releaseSeats(long tripId, int seats) {
		requireTransaction();
		requirePositive(seats);
		String code = inventory.release(tripId, seats).orElseThrow(() -> {
			// only a change made outside the booking module can bring this about; stop
			// before it spreads
			BookableTrip trip = inventory.findTrip(tripId).orElseThrow(() -> new TripNotFoundException("#" + tripId));
			return new IllegalStateException("Inventory: cannot give back " + seats + " seat(s) of trip " + trip.code()
					+ ", which has only " + trip.seatsBooked() + " booked");
		});
		events.publishEvent(new TripChanged(code));
	}

	/**
	 * The update found no row to change; a fresh read, which sees the latest commit, says
	 * which fact stood in its way.
	 */
	private RuntimeException whyNotReserved(long tripId, int seats) {
		BookableTrip trip = inventory.findTrip(tripId).orElse(null);
		if (trip == null) {
			return new TripNotFoundException("#" + tripId);
		}
		if (trip.status() != ListingStatus.ACTIVE) {
			return new TripNotBookableException(trip.code(), trip.status());
		}
		return new TripSoldOutException(trip.code(), seats, Math.max(0, trip.seatsLeft()));
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Inventory changes must join the booking's transaction");
		}
	}

	private static void requirePositive(int seats) {
		if (seats < 1) {
			throw new IllegalArgumentException("seats must be 1 or more but was " + seats);
		}
	}

	/** Seats of a trip that is not on sale cannot be taken, whatever is left. */
	static final class TripNotBookableException extends DomainException {

		private final String code;

		private final ListingStatus status;

		TripNotBookableException(String code, ListingStatus status) {
			super(Kind.CONFLICT, "Trip " + code + " cannot be booked in status " + status);
			this.code = code;
			this.status = status;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("tripCode", code, "status", status.name());
		}

	}

}
