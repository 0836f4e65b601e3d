package io.getaways.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.Bookings;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.context.ApplicationContext;

/**
 * Bookings made for one test through the booking module's API, as their traveller:
 * placed, paid, cancelled. So a booking of a test is what the application would make,
 * seats and events included. The one exception is COMPLETED, see {@link #moveTo}.
 */
public final class TestBookings {

	private static final String COMPLETE = """
			UPDATE app.bookings
			SET status = 'COMPLETED', completed_at = now()
			WHERE id = ?
			  AND status = 'CONFIRMED'""";

	private final Bookings bookings;

	private final String superuserUrl;

	public TestBookings(ApplicationContext context) {
		this.bookings = context.getBean(Bookings.class);
		this.superuserUrl = TestStores.superuserUrl(context);
	}

	/**
	 * A PENDING hold of seats on the trip, for the hold duration the application is
	 * configured with.
	 */
	public Booking trip(UUID travellerId, String tripCode, int seats) {
		return as(travellerId, () -> bookings.bookTrip(tripCode, seats));
	}

	/** A PENDING hold of the stay's nights from check-in up to check-out. */
	public Booking stay(UUID travellerId, String stayCode, LocalDate checkIn, LocalDate checkOut, int guests) {
		return as(travellerId, () -> bookings.bookStay(stayCode, checkIn, checkOut, guests));
	}

	/**
	 * Moves the traveller's PENDING booking along the only path to the status: paid for
	 * CONFIRMED, cancelled by the traveller for CANCELLED. COMPLETED is paid and then
	 * completed as the completion job completes a paid booking whose end has passed, but
	 * right away and as the superuser: the API has no way to complete a booking, and a
	 * test cannot wait for its trip to end. The write still passes the table's checks and
	 * transition guard.
	 */
	public void moveTo(UUID travellerId, UUID bookingId, BookingStatus status) {
		switch (status) {
			case PENDING -> {
			}
			case CONFIRMED -> as(travellerId, () -> bookings.pay(bookingId));
			case COMPLETED -> {
				as(travellerId, () -> bookings.pay(bookingId));
				complete(bookingId);
			}
			case CANCELLED -> as(travellerId, () -> bookings.cancel(bookingId));
		}
	}

	/** The actor the application makes of a traveller's own request. */
	public static Actor traveller(UUID travellerId) {
		return new Actor(Actor.Role.CUSTOMER, travellerId.toString(), "test-traveller", "10.0.0.1", "test-bookings",
				UUID.randomUUID().toString());
	}

	private void complete(UUID bookingId) {
		try (Connection connection = DriverManager.getConnection(superuserUrl, TestStores.superuser(), null);
				PreparedStatement update = connection.prepareStatement(COMPLETE)) {
			update.setObject(1, bookingId);
			if (update.executeUpdate() != 1) {
				throw new IllegalStateException("Booking " + bookingId + " is not CONFIRMED, so not completed");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot complete booking " + bookingId, ex);
		}
	}

	private static <T> T as(UUID travellerId, Supplier<T> work) {
		return ActorContext.callAs(traveller(travellerId), work);
	}

}
