package io.getaways.booking.internal;

/**
 * Example bodies for the OpenAPI description; constants, because annotations need them.
 */
final class BookingExamples {

	static final String NEW_TRIP_BOOKING = """
			{"tripCode": "GALR210214", "seats": 2}""";

	static final String NEW_STAY_BOOKING = """
			{"stayCode": "VILLAMAR01", "checkIn": "2031-07-01", "checkOut": "2031-07-08", "guests": 4}""";

	static final String PENDING_TRIP_BOOKING = """
			{"id": "0b4f3c1e-8f5e-4d3a-9c1b-2a6e7d8f9a01", "userId": "6d1f0a52-3b7c-4e2f-8a90-1c2d3e4f5a6b",
			 "status": "PENDING", "tripCode": "GALR210214", "stayCode": null, "seats": 2, "guests": null,
			 "checkIn": null, "checkOut": null, "startsAt": "2031-02-14T08:00:00Z", "endsAt": "2031-02-18T08:00:00Z",
			 "unitPrice": 799.00, "quantity": 2, "totalAmount": 1598.00, "currency": "USD",
			 "holdExpiresAt": "2030-11-23T12:15:00Z", "createdAt": "2030-11-23T12:00:00Z",
			 "updatedAt": "2030-11-23T12:00:00Z", "confirmedAt": null, "completedAt": null, "cancelledAt": null,
			 "cancellationReason": null, "refundAmount": null}""";

	static final String CONFIRMED_STAY_BOOKING = """
			{"id": "5a9e2b7c-1d3f-4b6a-8e0c-7f1a2b3c4d5e", "userId": "6d1f0a52-3b7c-4e2f-8a90-1c2d3e4f5a6b",
			 "status": "CONFIRMED", "tripCode": null, "stayCode": "VILLAMAR01", "seats": null, "guests": 4,
			 "checkIn": "2031-07-01", "checkOut": "2031-07-08", "startsAt": "2031-07-01T00:00:00Z",
			 "endsAt": "2031-07-08T00:00:00Z", "unitPrice": 350.00, "quantity": 7, "totalAmount": 2450.00,
			 "currency": "EUR", "holdExpiresAt": "2030-11-23T12:15:00Z", "createdAt": "2030-11-23T12:00:00Z",
			 "updatedAt": "2030-11-23T12:03:10Z", "confirmedAt": "2030-11-23T12:03:10Z", "completedAt": null,
			 "cancelledAt": null, "cancellationReason": null, "refundAmount": null}""";

	static final String CANCELLED_BOOKING = """
			{"id": "5a9e2b7c-1d3f-4b6a-8e0c-7f1a2b3c4d5e", "status": "CANCELLED", "stayCode": "VILLAMAR01",
			 "totalAmount": 2450.00, "currency": "EUR", "cancelledAt": "2031-06-10T09:00:00Z",
			 "cancellationReason": "CUSTOMER", "refundAmount": 1225.00}""";

	static final String INVALID = """
			{"type": "about:blank", "title": "Bad Request", "status": 400,
			 "detail": "Invalid parameter 'seats': must be between 1 and 10",
			 "errors": [{"parameter": "seats", "message": "must be between 1 and 10"}]}""";

	static final String NOT_FOUND = """
			{"type": "about:blank", "title": "Not Found", "status": 404,
			 "detail": "Booking 0b4f3c1e-8f5e-4d3a-9c1b-2a6e7d8f9a01 not found",
			 "bookingId": "0b4f3c1e-8f5e-4d3a-9c1b-2a6e7d8f9a01"}""";

	static final String SOLD_OUT = """
			{"type": "about:blank", "title": "Conflict", "status": 409,
			 "detail": "Trip GALR210214 has 1 seat(s) left, fewer than the 2 requested",
			 "tripCode": "GALR210214", "seatsLeft": 1}""";

	static final String STAY_TAKEN = """
			{"type": "about:blank", "title": "Conflict", "status": 409,
			 "detail": "Stay VILLAMAR01 is not available from 2031-07-01 to 2031-07-08; taken: 2031-07-05 to 2031-07-12",
			 "stayCode": "VILLAMAR01", "conflicts": [{"checkIn": "2031-07-05", "checkOut": "2031-07-12"}]}""";

	static final String WRONG_STATUS = """
			{"type": "about:blank", "title": "Conflict", "status": 409,
			 "detail": "Booking 0b4f3c1e-8f5e-4d3a-9c1b-2a6e7d8f9a01 cannot be paid in status CANCELLED",
			 "bookingId": "0b4f3c1e-8f5e-4d3a-9c1b-2a6e7d8f9a01", "status": "CANCELLED"}""";

	static final String DECLINED = """
			{"type": "about:blank", "title": "Payment Required", "status": 402,
			 "detail": "Payment for booking 0b4f3c1e-8f5e-4d3a-9c1b-2a6e7d8f9a01 was declined: insufficient funds",
			 "bookingId": "0b4f3c1e-8f5e-4d3a-9c1b-2a6e7d8f9a01", "reason": "insufficient funds"}""";

	static final String IDEMPOTENCY_KEY = """
			Optional. The same key with the same request replays the first successful answer (header \
			Idempotent-Replayed: true); with another request it is refused with 422. Keys are 1 to 255 printable \
			ASCII characters and belong to the signed-in caller.""";

	private BookingExamples() {
	}

}
