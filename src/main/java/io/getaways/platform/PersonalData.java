package io.getaways.platform;

import java.util.List;
import java.util.UUID;

/**
 * One module's share of a person's data, for a subject-access export and for erasure.
 * Each module that keeps something about a person contributes one, so the module that
 * answers the request needs no dependency on the others and no module forgets its own
 * data. Every method runs inside the caller's PostgreSQL transaction, acting as the
 * person or as an admin; implementations name the person in their queries rather than
 * rely on row-level security, which lets an admin see everyone.
 */
public interface PersonalData {

	/** The section's name in an export, such as {@code bookings}. */
	String section();

	/** What this module keeps about the person, as JSON-ready values. */
	Object export(UUID userId);

	/**
	 * Why the person's data cannot be erased yet (a trip still to travel, a payment still
	 * open), one reason per entry; empty when nothing stands in the way.
	 */
	default List<String> erasureBlockers(UUID userId) {
		return List.of();
	}

	/**
	 * Replaces or removes the person's fields in PostgreSQL, keeping what the business
	 * must keep (bookings, payments); returns how many records changed. Data in other
	 * stores is erased after commit by listeners of {@link PersonalDataErased}, so no
	 * request writes to two stores at once.
	 */
	int erase(UUID userId);

}
