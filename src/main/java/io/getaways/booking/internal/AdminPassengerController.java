package io.getaways.booking.internal;

import java.util.List;
import java.util.UUID;

import io.getaways.booking.Bookings;
import io.getaways.booking.Passenger;
import io.getaways.booking.PassengerMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passengers for admins (authority {@code booking:all} on the routes, admin role in the
 * service): masked, found by document number, revealed one at a time with a record.
 */
@RestController
@Tag(name = "Admin: bookings")
class AdminPassengerController {

	private final Bookings bookings;

	AdminPassengerController(Bookings bookings) {
		this.bookings = bookings;
	}

	@GetMapping("/api/v1/admin/bookings/{id}/passengers")
	@Operation(summary = "A booking's passengers, masked",
			description = "No date of birth; document numbers show their last three characters.")
	PassengerController.PassengerList list(@PathVariable UUID id) {
		return new PassengerController.PassengerList(id, bookings.passengersOfAny(id));
	}

	@PostMapping("/api/v1/admin/bookings/{id}/passengers/{passengerId}/reveal")
	@Operation(summary = "One passenger in clear; the reveal is recorded in the audit log with the admin")
	Passenger reveal(@PathVariable UUID id, @PathVariable UUID passengerId) {
		return bookings.revealPassenger(id, passengerId);
	}

	@GetMapping("/api/v1/admin/passengers")
	@Operation(summary = "Passengers with exactly this document number, masked",
			description = "Found through a keyed hash of the number; case, spaces and hyphens are ignored.")
	List<PassengerMatch> byDocument(@RequestParam String documentNumber) {
		return bookings.findPassengersByDocument(documentNumber);
	}

}
