package io.getaways.booking.internal;

import java.time.LocalDate;
import java.util.Locale;

import io.getaways.booking.BookingStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The console's booking filters, each optional, with the admin API's bounds; from and to
 * are UTC days the booking starts in, both included.
 */
public class BookingFilter {

	private BookingStatus status;

	@Pattern(regexp = "[A-Za-z0-9]{4,20}", message = "must be 4 to 20 letters or digits")
	private String trip;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	@Email
	@Size(max = 254)
	private String email;

	@Min(0)
	private int page;

	String tripCode() {
		return trip == null || trip.isBlank() ? null : trip.strip().toUpperCase(Locale.ROOT);
	}

	String emailOrNull() {
		return email == null || email.isBlank() ? null : email.strip();
	}

	public BookingStatus getStatus() {
		return status;
	}

	public void setStatus(BookingStatus status) {
		this.status = status;
	}

	public String getTrip() {
		return trip;
	}

	public void setTrip(String trip) {
		this.trip = trip == null || trip.isBlank() ? null : trip.strip();
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
