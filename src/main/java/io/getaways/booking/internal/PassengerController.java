package io.getaways.booking.internal;

import java.util.List;
import java.util.UUID;

import io.getaways.booking.Bookings;
import io.getaways.booking.Passenger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bookings/{id}/passengers")
@Tag(name = "Bookings")
class PassengerController {

	private final Bookings bookings;

	PassengerController(Bookings bookings) {
		this.bookings = bookings;
	}

	record PassengerList(UUID bookingId, List<Passenger> passengers) {
	}

	record PassengerUpdate(List<Passenger> passengers) {
	}

	@GetMapping
	@Operation(summary = "The passengers of one of my bookings, in clear")
	@ApiResponse(responseCode = "404", description = "Not found, or not mine")
	PassengerList list(@PathVariable UUID id) {
		return new PassengerList(id, bookings.passengersOfMine(id));
	}

	@PutMapping
	@Operation(summary = "Replace the passengers of one of my bookings",
			description = "One per seat or guest, until getaways.bookings.passenger-edit-cutoff (48 hours by "
					+ "default) before the start. Passenger ids are new after each replacement.")
	@ApiResponse(responseCode = "400", description = "Bad input, naming the passenger and field; nothing was written")
	@ApiResponse(responseCode = "404", description = "Not found, or not mine")
	@ApiResponse(responseCode = "409", description = "Past the cut-off, or the booking is cancelled or completed")
	PassengerList replace(@PathVariable UUID id, @RequestBody PassengerUpdate body) {
		return new PassengerList(id, bookings.replacePassengersOfMine(id, body.passengers()));
	}

}
