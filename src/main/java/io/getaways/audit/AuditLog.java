package io.getaways.audit;

import java.util.Map;

/**
 * The audit module's API. Reads run under the auditor database role whoever calls them;
 * deciding who may call them is the caller's job.
 */
public interface AuditLog {

	/** Entries matching the query, newest first. */
	AuditPage search(AuditQuery query);

	/**
	 * Seals what can be sealed, then checks every sealed entry's content hash and chain
	 * link in id order.
	 */
	VerificationResult verify();

	/**
	 * Records an event that changes no audited row (a sign-in, a failed sign-in, a
	 * lockout, a role change, a key created) in the current transaction, or in a new one
	 * if there is none, with the current actor.
	 * @param kind upper-case words joined by underscores, such as {@code LOGIN_FAILURE}
	 * @param recordId what the event is about, such as a user id; may be null
	 * @param details short facts about the event; never secrets (known secret keys are
	 * masked anyway)
	 * @return the id of the new entry
	 */
	long recordEvent(String kind, String recordId, Map<String, String> details);

}
