package io.getaways.travlr;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The Travlr admin app runs on another origin (http://localhost:4200 by default) and calls /api from the browser. */
@Configuration(proxyBeanMethods = false)
class TravlrCors implements WebMvcConfigurer {

	private final String[] allowedOrigins;

	TravlrCors(@Value("${getaways.travlr.cors.allowed-origins}") String[] allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/**")
			.allowedOrigins(allowedOrigins)
			.allowedMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
			.allowedHeaders("Authorization", "Content-Type")
			.maxAge(3600);
	}
}
