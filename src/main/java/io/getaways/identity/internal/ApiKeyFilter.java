package io.getaways.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts {@code Authorization: ApiKey <key>} or {@code X-API-Key: <key>}; a present but
 * bad key is refused.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	private static final String SCHEME = "ApiKey ";

	private final ApiKeys keys;

	private final AuthenticationEntryPoint entryPoint;

	ApiKeyFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
		this.keys = keys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> presented = presentedKey(request);
		if (presented.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKeyAuthentication> authentication = keys.authenticate(presented.get());
		if (authentication.isEmpty()) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("Invalid API key"));
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(authentication.get());
		chain.doFilter(request, response);
	}

	private static Optional<String> presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return Optional.of(authorization.substring(SCHEME.length()).trim());
		}
		return Optional.ofNullable(request.getHeader("X-API-Key")).map(String::trim);
	}

}
