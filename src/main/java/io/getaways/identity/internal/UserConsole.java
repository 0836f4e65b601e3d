package io.getaways.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.identity.UserAccount;
import io.getaways.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and roles as the admin console changes them, acting as the signed-in admin (the
 * same repository calls and sign-in events as {@code /api/v1/admin/users}). Locking
 * disables the account and ends its refresh sessions, as {@code getaways users disable}
 * does; an admin may neither lock themselves out nor take away their own admin role.
 */
@Service
class UserConsole {

	static final int LIMIT = 50;

	private final UserRepository users;

	private final RefreshTokens refreshTokens;

	private final SignInEvents events;

	UserConsole(UserRepository users, RefreshTokens refreshTokens, SignInEvents events) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.events = events;
	}

	@Transactional(readOnly = true)
	List<UserAccount> search(String emailPart, String role) {
		return users.search(emailPart, role, LIMIT);
	}

	@Transactional(readOnly = true)
	UserAccount find(UUID id) {
		return users.find(id).orElseThrow(() -> new AdminUsersController.UserNotFound(id));
	}

	@Transactional(readOnly = true)
	List<String> roles() {
		return users.roleNames();
	}

	@Transactional
	UserAccount grant(UUID id, String role) {
		find(id);
		users.grantRole(id, role, CurrentUser.id());
		events.record("ROLE_GRANTED", id.toString(), Map.of("role", role));
		return find(id);
	}

	@Transactional
	UserAccount revoke(UUID id, String role) {
		if ("admin".equals(role) && id.equals(CurrentUser.id())) {
			throw new SelfLockout("take away your own admin role");
		}
		users.revokeRole(id, role);
		events.record("ROLE_REVOKED", id.toString(), Map.of("role", role));
		return find(id);
	}

	@Transactional
	UserAccount lock(UUID id) {
		if (id.equals(CurrentUser.id())) {
			throw new SelfLockout("lock your own account");
		}
		find(id);
		users.setStatus(id, "DISABLED");
		refreshTokens.revokeAll(id);
		events.record("USER_DISABLED", id.toString(), Map.of());
		return find(id);
	}

	@Transactional
	UserAccount unlock(UUID id) {
		find(id);
		users.setStatus(id, "ACTIVE");
		events.record("USER_ENABLED", id.toString(), Map.of());
		return find(id);
	}

	static class SelfLockout extends DomainException {

		SelfLockout(String what) {
			super(Kind.CONFLICT, "You cannot " + what + " here; ask another admin");
		}

	}

}
