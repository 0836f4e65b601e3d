package io.getaways.booking;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.support.TestTrips;

/**
 * Passengers for a test as JSON: each with a document number of the test's own, so that
 * greps for it find only this test's values.
 */
final class TestPassengers {

	private TestPassengers() {
	}

	/** A unique document number, in capitals and digits as the service stores it. */
	static String documentNumber() {
		return "P" + TestTrips.token(8).toUpperCase() + ThreadLocalRandom.current().nextInt(100, 1000);
	}

	static String passenger(String name, String born, String nationality, String documentNumber, String expiry) {
		String document = documentNumber == null ? "" : """
				, "document": {"type": "PASSPORT", "number": "%s", "issuingCountry": "%s", "expiry": "%s"}"""
			.formatted(documentNumber, nationality, expiry);
		return """
				{"fullName": "%s", "dateOfBirth": "%s", "nationality": "%s"%s}""".formatted(name, born, nationality,
				document);
	}

	static String tripBody(String tripCode, int seats, String... passengers) {
		return """
				{"tripCode": "%s", "seats": %d, "passengers": [%s]}""".formatted(tripCode, seats,
				String.join(", ", passengers));
	}

	static String stayBody(String stayCode, LocalDate checkIn, LocalDate checkOut, int guests, String... passengers) {
		return """
				{"stayCode": "%s", "checkIn": "%s", "checkOut": "%s", "guests": %d, "passengers": [%s]}"""
			.formatted(stayCode, checkIn, checkOut, guests, String.join(", ", passengers));
	}

	static String update(String... passengers) {
		return """
				{"passengers": [%s]}""".formatted(String.join(", ", passengers));
	}

}
