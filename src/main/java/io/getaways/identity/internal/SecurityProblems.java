package io.getaways.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the security filters answer themselves, in the shape each API speaks: Travlr's
 * {@code {"message": ...}} on its routes, problem+json everywhere else. That is 401 and
 * 403, 429 from the rate limiter, and 400 for a request the firewall refuses (such as
 * {@code ;}, {@code //} or an encoded {@code ..} in the path); as a bean of type
 * {@link RequestRejectedHandler} it replaces Spring Security's default, which leaves that
 * answer to the container's error page.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

	private final JsonMapper json;

	SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean tokenEndpoint = request.getRequestURI().startsWith("/oauth2/");
		response.setHeader("WWW-Authenticate", tokenEndpoint ? "Basic realm=\"getaways\"" : "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED,
				tokenEndpoint ? "Client credentials are required" : "A valid access token or API key is required");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Not allowed for this account");
	}

	/**
	 * The reason names what was refused; it stays in the log, since parts of it may come
	 * from the request.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		log.info("Security: request rejected by the firewall: {}", ex.getMessage());
		write(request, response, HttpStatus.BAD_REQUEST,
				"The request was refused: its path or headers contain characters or sequences that are not allowed");
	}

	void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
			throws IOException {
		write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"Rate limit reached; retry in " + retryAfterSeconds + " s");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Map<String, Object> body = new LinkedHashMap<>();
		if (isTravlr(request)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			body.put("message", status.getReasonPhrase());
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			body.put("title", status.getReasonPhrase());
			body.put("status", status.value());
			body.put("detail", detail);
			body.put("instance", request.getRequestURI());
		}
		response.getWriter().write(json.writeValueAsString(body));
	}

	static boolean isTravlr(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/api/") && !path.startsWith("/api/v1/");
	}

}
