package io.getaways.identity.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 answers in the shape each API speaks: Travlr's {@code {"message": ...}} on its routes, problem+json
 * everywhere else.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "A valid access token or API key is required");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Not allowed for this account");
	}

	void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
			throws IOException {
		write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"Rate limit reached; retry in " + retryAfterSeconds + " s");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		response.setStatus(status.value());
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
