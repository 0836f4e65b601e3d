package io.getaways.booking.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.getaways.booking.Passenger;
import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Exactly one target: a trip with seats, or a stay with check-in, check-out and guests.
 */
@Schema(description = "Either {tripCode, seats} or {stayCode, checkIn, checkOut, guests}")
record NewBooking(
		@Schema(example = "GALR210214") @Pattern(regexp = "[A-Za-z0-9]{4,20}",
				message = "must be 4 to 20 letters or digits") String tripCode,
		@Schema(example = "2") @Min(value = 1, message = "must be 1 or more") Integer seats,
		@Schema(example = "VILLAMAR01") @Pattern(regexp = "[A-Za-z0-9]{4,20}",
				message = "must be 4 to 20 letters or digits") String stayCode,
		@Schema(example = "2031-07-01", description = "First night, a UTC day") LocalDate checkIn,
		@Schema(example = "2031-07-08",
				description = "Day of departure, a UTC day; not a night booked") LocalDate checkOut,
		@Schema(example = "4") @Min(value = 1, message = "must be 1 or more") @Max(value = 50,
				message = "must be 50 or fewer") Integer guests,
		@Schema(description = "Optional: one per seat or guest; date of birth and document number are stored "
				+ "encrypted") List<Passenger> passengers) {

	boolean isTrip() {
		if (tripCode == null && stayCode == null) {
			throw new InvalidParameterException("tripCode", "one of tripCode or stayCode is required");
		}
		if (tripCode != null && stayCode != null) {
			throw new InvalidParameterException("stayCode", "must not be given together with tripCode");
		}
		if (tripCode != null) {
			require("seats", seats != null, "is required for a trip");
			require("checkIn", checkIn == null, "is only for a stay");
			require("checkOut", checkOut == null, "is only for a stay");
			require("guests", guests == null, "is only for a stay");
			return true;
		}
		require("checkIn", checkIn != null, "is required for a stay");
		require("checkOut", checkOut != null, "is required for a stay");
		require("guests", guests != null, "is required for a stay");
		require("seats", seats == null, "is only for a trip");
		return false;
	}

	String code() {
		return (tripCode != null ? tripCode : stayCode).toUpperCase(Locale.ROOT);
	}

	/**
	 * The request as understood, so that key order and spacing do not make two sends of
	 * it differ.
	 */
	NewBooking normalized() {
		return new NewBooking(tripCode == null ? null : code(), seats, stayCode == null ? null : code(), checkIn,
				checkOut, guests, passengers);
	}

	private static void require(String field, boolean holds, String message) {
		if (!holds) {
			throw new InvalidParameterException(field, message);
		}
	}
}
