package io.getaways.platform.web;

import java.io.Serializable;

import io.getaways.platform.Actor;

/**
 * Who a browser session belongs to, as the session keeps it: the identity module signs a
 * user in with one, and every page request of the session acts as that user, exactly as
 * an API request with the user's token does. Serializable, since the session lives in
 * Redis.
 *
 * @param userId the user's id
 * @param email the user's email, which the audit log records as the actor's name
 * @param name the user's display name
 * @param role the database role of the user's strongest application role
 */
public record SignedInUser(String userId, String email, String name, Actor.Role role) implements Serializable {

	public SignedInUser {
		if (userId == null || role == null) {
			throw new IllegalArgumentException("userId and role are required");
		}
	}

	public boolean isAdmin() {
		return role == Actor.Role.ADMIN;
	}

}
