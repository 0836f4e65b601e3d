package io.getaways.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI getawaysOpenApi(ObjectProvider<BuildProperties> build) {
		String version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
		return new OpenAPI().info(new Info().title("Getaways API")
			.version(version)
			.description("Trips and stays: search, booking, payment, reviews. /api/v1 is the Getaways API; "
					+ "/api serves the classic Travlr Getaways API unchanged.")
			.license(new License().name("Proprietary")));
	}

}
