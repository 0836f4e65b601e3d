package io.getaways.identity;

import java.util.Set;
import java.util.UUID;

/** A user as other modules and the API see it: never with credentials. */
public record UserAccount(UUID id, String email, String name, Set<String> roles, String status) {

	public UserAccount {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}
}
