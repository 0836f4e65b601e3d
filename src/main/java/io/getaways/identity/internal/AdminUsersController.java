package io.getaways.identity.internal;

import java.util.Map;
import java.util.UUID;

import io.getaways.identity.UserAccount;
import io.getaways.platform.DomainException;
import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasAuthority('users:manage')")
@Tag(name = "Admin: users", description = "Read users; grant and revoke roles")
class AdminUsersController {

	private final UserRepository users;

	private final SignInEvents events;

	AdminUsersController(UserRepository users, SignInEvents events) {
		this.users = users;
		this.events = events;
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	@Operation(summary = "One user with roles")
	UserAccount user(@PathVariable UUID id) {
		return users.find(id).orElseThrow(() -> new UserNotFound(id));
	}

	@PutMapping("/{id}/roles/{role}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	@Operation(summary = "Grant a role (takes effect with the user's next token)")
	void grant(@PathVariable UUID id, @PathVariable String role) {
		requireKnownRole(role);
		users.find(id).orElseThrow(() -> new UserNotFound(id));
		users.grantRole(id, role, CurrentUser.id());
		events.record("ROLE_GRANTED", id.toString(), Map.of("role", role));
	}

	@DeleteMapping("/{id}/roles/{role}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	@Operation(summary = "Revoke a role (takes effect with the user's next token)")
	void revoke(@PathVariable UUID id, @PathVariable String role) {
		requireKnownRole(role);
		if (!users.revokeRole(id, role)) {
			throw new UserNotFound(id);
		}
		events.record("ROLE_REVOKED", id.toString(), Map.of("role", role));
	}

	private void requireKnownRole(String role) {
		if (!users.roleNames().contains(role)) {
			throw new InvalidParameterException("role", "'" + role + "' is not one of " + users.roleNames());
		}
	}

	static class UserNotFound extends DomainException {

		UserNotFound(UUID id) {
			super(Kind.NOT_FOUND, "User " + id + " not found, or has no such role");
		}

	}

}
