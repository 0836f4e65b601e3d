package io.getaways.imports.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.getaways.booking.Booking;
import io.getaways.booking.Bookings;

/**
 * The bookings an earlier import brought in, by their source's reference (trip and stay
 * bookings share one namespace), for the payments and reviews that refer to them.
 */
final class ImportedBookings {

	static final String ENTITY = "bookings";

	private final Bookings bookings;

	private final ImportReferences references;

	ImportedBookings(Bookings bookings, ImportReferences references) {
		this.bookings = bookings;
		this.references = references;
	}

	/** Rejects a reference neither the target nor an earlier entity of the run knows. */
	void check(String reference, ImportTarget.KnownKeys known) {
		if (!known.has("bookings", reference) && !known.has("stay_bookings", reference)
				&& !references.exists(ENTITY, reference)) {
			throw new RowRejectedException("booking_reference",
					"no imported booking has this reference; import bookings first");
		}
	}

	/** What the target knows of these references, looked up once for a batch. */
	ImportTarget.KnownKeys known(Collection<String> referenced, ImportTarget.KnownKeys known) {
		Set<String> imported = references.existing(ENTITY, List.copyOf(referenced));
		return (target, key) -> known.has(target, key) || ("bookings".equals(target) && imported.contains(key));
	}

	Booking find(String reference) {
		return references.target(ENTITY, reference)
			.map(id -> bookings.findAny(id).booking())
			.orElseThrow(() -> new RowRejectedException("booking_reference",
					"no imported booking has this reference; import bookings first"));
	}

}
