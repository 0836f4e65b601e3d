package io.getaways.identity.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.UUID;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated caller to the database context: user id for row-level security
 * and audit, and the database role that matches the caller's strongest application role.
 */
class ActorFromAuthenticationFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Actor actor = actorOf(authentication);
		if (actor == null) {
			chain.doFilter(request, response);
			return;
		}
		try (ActorContext.Scope scope = ActorContext.enter(actor)) {
			chain.doFilter(request, response);
		}
	}

	private static Actor actorOf(Authentication authentication) {
		Actor current = ActorContext.current();
		if (authentication instanceof JwtAuthenticationToken jwt) {
			String userId = jwt.getToken().hasClaim("user_id") ? jwt.getToken().getClaimAsString("user_id")
					: jwt.getToken().getSubject();
			String name = jwt.getToken().hasClaim("email") ? jwt.getToken().getClaimAsString("email")
					: "client:" + jwt.getToken().getSubject();
			return current.withUser(uuidOrNull(userId), name, roleOf(jwt.getAuthorities()));
		}
		if (authentication instanceof ApiKeyAuthentication key) {
			return current.withUser(key.userId().toString(), "apikey:" + key.keyId(), key.databaseRole());
		}
		return null;
	}

	/**
	 * Row-level security compares user ids as uuid; a client id is not one and must not
	 * pose as one.
	 */
	private static String uuidOrNull(String value) {
		try {
			return value == null ? null : UUID.fromString(value).toString();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The strongest database role among the caller's roles: admin, then auditor, else
	 * customer.
	 */
	static Actor.Role roleOf(Collection<? extends GrantedAuthority> authorities) {
		if (has(authorities, "ROLE_ADMIN")) {
			return Actor.Role.ADMIN;
		}
		return has(authorities, "ROLE_AUDITOR") ? Actor.Role.AUDITOR : Actor.Role.CUSTOMER;
	}

	private static boolean has(Collection<? extends GrantedAuthority> authorities, String authority) {
		return authorities.stream().anyMatch(granted -> granted.getAuthority().equals(authority));
	}

}
