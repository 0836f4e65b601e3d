package io.getaways.catalog.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.getaways.catalog.Trip;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.TripQuery;
import org.springframework.stereotype.Component;

/**
 * What a newcomer can book right now, and the commands that book it: the classic Travlr
 * trips keep their historical dates, so the guide names upcoming trips with seats left.
 */
@Component
class FirstBooking {

	private static final int TRIPS_SHOWN = 3;

	private static final int STAYS_SHOWN = 2;

	private static final int STAY_NIGHTS = 3;

	private final Listings listings;

	FirstBooking(Listings listings) {
		this.listings = listings;
	}

	Suggestions suggest() {
		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
		List<BookableTrip> trips = listings.search(TripQuery.active().withDeparture(tomorrow, null).onPage(0, 20))
			.items()
			.stream()
			.filter(trip -> trip.seatsLeft() > 0)
			.limit(TRIPS_SHOWN)
			.map(BookableTrip::of)
			.toList();
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(30);
		LocalDate checkOut = checkIn.plusDays(STAY_NIGHTS);
		List<BookableStay> stays = listings
			.searchStays(StayQuery.active().withDates(checkIn, checkOut).withGuests(2).onPage(0, STAYS_SHOWN))
			.items()
			.stream()
			.map(stay -> BookableStay.of(stay, checkIn, checkOut))
			.toList();
		return new Suggestions(trips, stays);
	}

	/** Register, then book and pay, as lines a shell runs as they are. */
	static List<String> commands(String baseUrl, Suggestions suggestions) {
		String body = suggestions.trips().isEmpty()
				? suggestions.stays().isEmpty() ? null : suggestions.stays().get(0).bookingBody()
				: suggestions.trips().get(0).bookingBody();
		if (body == null) {
			return List.of();
		}
		String json = "-H 'Content-Type: application/json'";
		return List.of(
				"TOKEN=$(curl -s " + json + " -d '{\"email\":\"you@example.com\",\"name\":\"You\",\"password\":"
						+ "\"choose-a-password\"}' " + baseUrl
						+ "/api/v1/auth/register | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')",
				"BOOKING=$(curl -s " + json + " -H \"Authorization: Bearer $TOKEN\" -d '" + body + "' " + baseUrl
						+ "/api/v1/bookings | sed -E 's/^\\{\"id\":\"([^\"]+)\".*/\\1/')",
				"curl -s -X POST -H \"Authorization: Bearer $TOKEN\" " + baseUrl + "/api/v1/bookings/$BOOKING/pay");
	}

	record Suggestions(List<BookableTrip> trips, List<BookableStay> stays) {

		String summary() {
			List<String> named = new ArrayList<>();
			trips.forEach(trip -> named
				.add(trip.code() + " (trip, departs " + trip.departs() + ", " + trip.seatsLeft() + " seats left)"));
			stays.forEach(
					stay -> named.add(stay.code() + " (stay, free " + stay.checkIn() + " to " + stay.checkOut() + ")"));
			return named.isEmpty() ? "nothing is bookable right now" : String.join(", ", named);
		}

	}

	record BookableTrip(String code, String name, LocalDate departs, int seatsLeft, String bookingBody) {

		static BookableTrip of(Trip trip) {
			return new BookableTrip(trip.code(), trip.name(), trip.departsAt().atZone(ZoneOffset.UTC).toLocalDate(),
					trip.seatsLeft(), String.format(Locale.ROOT, "{\"tripCode\":\"%s\",\"seats\":2}", trip.code()));
		}

	}

	record BookableStay(String code, String name, LocalDate checkIn, LocalDate checkOut, String bookingBody) {

		static BookableStay of(Stay stay, LocalDate checkIn, LocalDate checkOut) {
			return new BookableStay(stay.code(), stay.name(), checkIn, checkOut,
					String.format(Locale.ROOT,
							"{\"stayCode\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\",\"guests\":2}", stay.code(),
							checkIn, checkOut));
		}

	}

}
