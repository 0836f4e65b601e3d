package io.getaways.platform.web;

import java.io.IOException;

import io.getaways.platform.ActorContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands a session's user to the database context, as the API's filter does for a token's
 * user: row-level security and the audit log see the same user either way.
 */
class SessionActorFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SignedInUser user = PageModel.fromContext();
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		try (ActorContext.Scope scope = ActorContext
			.enter(ActorContext.current().withUser(user.userId(), user.email(), user.role()))) {
			chain.doFilter(request, response);
		}
	}

}
