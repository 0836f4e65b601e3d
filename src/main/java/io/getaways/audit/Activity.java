package io.getaways.audit;

import java.util.Map;

/**
 * The activity stream: views, searches, sign-ins and bookings, kept in MongoDB
 * ({@code activity_events}) for a limited time. Recording never blocks and never fails
 * the caller: events wait in a bounded queue and are written in batches; what does not
 * fit, or cannot be written, is dropped and counted
 * ({@code getaways_activity_dropped_total}).
 */
public interface Activity {

	/**
	 * Records an event of the current actor's user; nothing for anonymous callers, whose
	 * history nobody could read. Details are small flat facts, such as a trip code or
	 * search parameters.
	 */
	void record(ActivityKind kind, Map<String, ?> details);

	/**
	 * Records an event of the given user, for callers that act for a user outside a
	 * request (event listeners).
	 */
	void record(String userId, ActivityKind kind, Map<String, ?> details);

}
