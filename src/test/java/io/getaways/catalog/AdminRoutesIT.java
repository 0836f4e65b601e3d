package io.getaways.catalog;

import io.getaways.support.HttpApi.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin catalog routes as the OpenAPI document describes them.
 */
class AdminRoutesIT extends AdminCatalogTest {

	@Test
	void everyCatalogRouteIsInTheOpenApiDocument() {
		Answer docs = api.get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/stays", "/api/v1/stays/{code}", "/api/v1/admin/trips",
				"/api/v1/admin/trips/{code}", "/api/v1/admin/trips/{code}/deactivate",
				"/api/v1/admin/trips/{code}/activate", "/api/v1/admin/stays", "/api/v1/admin/stays/{code}",
				"/api/v1/admin/stays/{code}/deactivate", "/api/v1/admin/stays/{code}/activate");
		assertThat(paths.path("/api/v1/admin/trips").path("post").path("responses").path("409").toString())
			.contains("already taken");
	}

}
