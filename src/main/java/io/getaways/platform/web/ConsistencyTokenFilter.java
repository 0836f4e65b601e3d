package io.getaways.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.platform.ActorContext;
import io.getaways.platform.db.ConsistencyTokens;
import io.getaways.platform.db.Lsn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * With read replicas: takes the client's {@code Getaways-Consistency-Token} for this
 * request's reads, and answers a new one after a write, so that a client sending it back
 * reads its own writes on any instance. A malformed token is a 400 naming the header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ConsistencyTokenFilter extends OncePerRequestFilter {

	private final boolean enabled;

	private final JsonMapper json;

	ConsistencyTokenFilter(ObjectProvider<ConsistencyTokens> tokens, JsonMapper json) {
		this.enabled = tokens.getIfAvailable() != null;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !enabled;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offered = request.getHeader(ConsistencyTokens.HEADER);
		long token = 0;
		if (offered != null && !offered.isBlank()) {
			try {
				token = Lsn.parse(offered.trim());
			}
			catch (IllegalArgumentException ex) {
				refuse(request, response, ex.getMessage());
				return;
			}
		}
		try (ActorContext.Scope scope = ConsistencyTokens.enterRequest(token, value -> {
			if (!response.isCommitted()) {
				response.setHeader(ConsistencyTokens.HEADER, value);
			}
		})) {
			chain.doFilter(request, response);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", "Header " + ConsistencyTokens.HEADER + " is " + reason);
		problem.put("instance", request.getRequestURI());
		problem.put("field", ConsistencyTokens.HEADER);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}

}
