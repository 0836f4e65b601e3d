package io.getaways.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
		return offered != null && SAFE_ID.matcher(offered).matches() ? offered : newRequestId();
	}

	/**
	 * A random (version 4) UUID from the thread's own generator: a request id names a
	 * request in logs and answers and guards nothing, so it needs no SecureRandom, whose
	 * shared lock {@code UUID.randomUUID()} takes on every request.
	 */
	static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	/**
	 * Without control characters, at most {@value #MAX_USER_AGENT} long. A scan rather
	 * than a regular expression: this runs on every request, and nearly every agent is
	 * printable already, so it is answered as it came.
	 */
	private static String userAgent(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent == null) {
			return null;
		}
		String printable = printable(agent);
		return printable.length() > MAX_USER_AGENT ? printable.substring(0, MAX_USER_AGENT) : printable;
	}

	/** Drops what {@code \p{Cntrl}} matches: U+0000..U+001F and U+007F. */
	private static String printable(String text) {
		int first = 0;
		while (first < text.length() && !isControl(text.charAt(first))) {
			first++;
		}
		if (first == text.length()) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
		for (int i = first + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isControl(c)) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	private static boolean isControl(char c) {
		return c < 0x20 || c == 0x7f;
	}

}
