package io.getaways.platform.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The pages' filter chain: browser sessions in Redis (Spring Session), CSRF tokens on
 * every form, sign-in through the identity module's pages. It matches only page paths,
 * never {@code /api/**}, {@code /actuator/**} or the OAuth2 endpoints, so the stateless,
 * token-based chains keep answering those exactly as before; {@code GET /} is a page only
 * when the client asks for HTML, and the JSON welcome otherwise.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

	/** Paths of pages and their assets; every other path belongs to the API's chains. */
	static final String[] PAGE_PATHS = { "/trips/**", "/stays/**", "/bookings", "/bookings/**", "/login", "/login/**",
			"/logout", "/register", "/account", "/account/**", "/admin", "/admin/**", "/css/**", "/js/**",
			"/webjars/**", "/favicon.ico" };

	@Bean
	BrowserSecurityParts browserSecurityParts() {
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		// the sign-in page reads the saved request itself; no ?continue marker needed
		requests.setMatchingRequestParameterName(null);
		// only page visits are worth returning to after signing in
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		requests.setRequestMatcher(
				new OrRequestMatcher(paths.matcher(org.springframework.http.HttpMethod.GET, "/bookings/**"),
						paths.matcher(org.springframework.http.HttpMethod.GET, "/admin/**")));
		return new BrowserSecurityParts(new HttpSessionSecurityContextRepository(), requests);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain browserPages(HttpSecurity http, BrowserSecurityParts parts) throws Exception {
		http.securityMatcher(pages())
			.securityContext(context -> context.securityContextRepository(parts.contexts()))
			.requestCache(cache -> cache.requestCache(parts.requests()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.authorizeHttpRequests(requests -> requests.requestMatchers("/admin", "/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/bookings", "/bookings/**", "/account", "/account/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.addFilterAfter(new SessionActorFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	private static RequestMatcher pages() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		RequestMatcher home = new AndRequestMatcher(paths.matcher("/"), html);
		RequestMatcher[] matchers = new RequestMatcher[PAGE_PATHS.length + 1];
		matchers[0] = home;
		for (int i = 0; i < PAGE_PATHS.length; i++) {
			matchers[i + 1] = paths.matcher(PAGE_PATHS[i]);
		}
		return new OrRequestMatcher(matchers);
	}

}
