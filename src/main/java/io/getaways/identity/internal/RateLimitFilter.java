package io.getaways.identity.internal;

import java.io.IOException;

import io.getaways.platform.ActorContext;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One token per request from the caller's bucket: per API key, per user, per OAuth2
 * client, or per client address for anonymous callers. Health and metrics are exempt, so
 * probes never starve.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final RateLimitOverrides overrides;

	private final RateLimitSettings settings;

	private final SecurityProblems problems;

	RateLimitFilter(RateLimiter limiter, RateLimitOverrides overrides, RateLimitSettings settings,
			SecurityProblems problems) {
		this.limiter = limiter;
		this.overrides = overrides;
		this.settings = settings;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !settings.enabled() || request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String subject = subjectOf(authentication, request);
		RateLimitSettings.Limit limit = overrides.forSubject(subject)
			.orElse(subject.startsWith("ip:") ? settings.anonymous() : settings.authenticated());
		ConsumptionProbe probe = limiter.consume(subject, limit);
		response.setHeader("X-RateLimit-Limit", Integer.toString(limit.capacity()));
		response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		problems.tooManyRequests(request, response, retryAfterSeconds);
	}

	private static String subjectOf(Authentication authentication, HttpServletRequest request) {
		if (authentication instanceof ApiKeyAuthentication key) {
			return "apikey:" + key.keyId();
		}
		if (authentication instanceof JwtAuthenticationToken jwt) {
			// a client token names its owner so that the database sees a user; the bucket
			// is the client's own
			if (jwt.getToken().hasClaim("user_id")) {
				return "client:" + jwt.getToken().getSubject();
			}
			String userId = ActorContext.current().userId();
			return userId != null ? "user:" + userId : "client:" + jwt.getToken().getSubject();
		}
		return "ip:" + request.getRemoteAddr();
	}

}
