package io.getaways.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an actor carrying its client address, user agent and request id,
 * which the database context, the audit log, the logs and the {@code X-Request-Id} answer
 * header all share.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestActorFilter extends OncePerRequestFilter {

	static final String REQUEST_ID = "X-Request-Id";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final int MAX_USER_AGENT = 256;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestId(request.getHeader(REQUEST_ID));
		response.setHeader(REQUEST_ID, requestId);
		Actor actor = ActorContext.current().withRequest(request.getRemoteAddr(), userAgent(request), requestId);
		MDC.put("requestId", requestId);
		try (ActorContext.Scope scope = ActorContext.enter(actor)) {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

	/**
	 * A client's id is kept only if it is harmless in headers and logs; otherwise a new
	 * one is made.
	 */
	private static String requestId(String offered) {
		return offered != null && SAFE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
	}

	private static String userAgent(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent == null) {
			return null;
		}
		String printable = agent.replaceAll("\\p{Cntrl}", "");
		return printable.length() > MAX_USER_AGENT ? printable.substring(0, MAX_USER_AGENT) : printable;
	}

}
