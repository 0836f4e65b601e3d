package io.getaways.platform;

import java.util.UUID;

/**
 * Who is acting in the current transaction: the database role it runs under and what the
 * audit log records about it.
 *
 * @param role the database role the transaction switches to
 * @param userId the signed-in user's id, or null
 * @param name a readable name of the actor, such as an email or {@code job:demo-data}
 * @param clientIp the client's address, or null
 * @param userAgent the client's user agent, or null
 * @param requestId the id that ties log lines, audit entries and the answer together
 */
public record Actor(Role role, String userId, String name, String clientIp, String userAgent, String requestId) {

	public enum Role {

		CUSTOMER, ADMIN, JOBS,
		/** Reads the audit log and nothing else. */
		AUDITOR,
		/** Reads the report views and recorded analytics, and changes nothing. */
		READONLY,
		/**
		 * Identity internals: signing keys, deny-list, sign-in throttling, rate-limit
		 * overrides.
		 */
		SYSTEM

	}

	public Actor {
		if (role == null) {
			throw new IllegalArgumentException("role is required");
		}
	}

	public static Actor anonymous() {
		return new Actor(Role.CUSTOMER, null, null, null, null, null);
	}

	public static Actor job(String jobName) {
		return new Actor(Role.JOBS, null, "job:" + jobName, null, null, UUID.randomUUID().toString());
	}

	/**
	 * The same actor acting under another database role, keeping what the audit log
	 * records about it.
	 */
	public Actor as(Role newRole) {
		return new Actor(newRole, userId, name, clientIp, userAgent, requestId);
	}

	public Actor withUser(String newUserId, String newName, Role newRole) {
		return new Actor(newRole, newUserId, newName, clientIp, userAgent, requestId);
	}

	public Actor withRequest(String clientIp, String userAgent, String requestId) {
		return new Actor(role, userId, name, clientIp, userAgent, requestId);
	}
}
