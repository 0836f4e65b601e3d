package io.getaways.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.getaways.identity.UserAccount;
import io.getaways.platform.web.BrowserSessions;
import io.getaways.platform.web.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Turns an account whose password or passkey was checked into a browser session, with the
 * same roles and permissions a token for it would carry.
 */
@Component
class BrowserSignIn {

	private final RolePermissions permissions;

	private final BrowserSessions sessions;

	BrowserSignIn(RolePermissions permissions, BrowserSessions sessions) {
		this.permissions = permissions;
		this.sessions = sessions;
	}

	/** Starts the session; answers the local path to go to next. */
	String start(UserAccount user, HttpServletRequest request, HttpServletResponse response) {
		List<String> authorities = new ArrayList<>();
		user.roles().forEach(role -> authorities.add("ROLE_" + role.toUpperCase(Locale.ROOT)));
		authorities.addAll(permissions.of(user.roles()));
		SignedInUser signedIn = new SignedInUser(user.id().toString(), user.email(), user.name(),
				ActorFromAuthenticationFilter.roleOf(authorities.stream().map(SimpleGrantedAuthority::new).toList()));
		return sessions.start(request, response, signedIn, authorities);
	}

}
