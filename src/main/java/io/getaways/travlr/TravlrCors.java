package io.getaways.travlr;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The Travlr admin app runs on another origin (http://localhost:4200 by default) and
 * calls /api from the browser. The security filter chain applies this configuration, so
 * preflight requests are answered before authentication.
 */
@Configuration(proxyBeanMethods = false)
class TravlrCors {

	@Bean
	CorsConfigurationSource corsConfigurationSource(
			@Value("${getaways.travlr.cors.allowed-origins}") List<String> allowedOrigins) {
		CorsConfiguration travlr = new CorsConfiguration();
		travlr.setAllowedOrigins(allowedOrigins);
		travlr.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
		travlr.setAllowedHeaders(List.of("Authorization", "Content-Type"));
		travlr.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", travlr);
		return source;
	}

}
