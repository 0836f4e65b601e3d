package io.getaways.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.getaways.catalog.Catalog;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With tracing on, every store call is a span inside the trace of the request it serves:
 * a booking's PostgreSQL transaction, a MongoDB write and a Redis cache read each show
 * under the request's server span.
 */
@IntegrationTest
@TestPropertySource(properties = { "management.opentelemetry.enabled=true", "management.tracing.export.enabled=true",
		"management.tracing.sampling.probability=1.0", "management.otlp.tracing.export.enabled=false",
		"management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces" })
class StoreSpansIT {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	CollectedSpans spans;

	@Test
	void storeCallsAreSpansOfTheRequestTheyServe() {
		HttpApi http = new HttpApi(port);
		TestAccounts accounts = new TestAccounts(http);
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Traced Reef", "Traced Bay", Instant.now().plus(60, ChronoUnit.DAYS), "499.00"));
		String token = TestAccounts.accessToken(accounts.newCustomer());

		assertThat(accounts.send("POST", "/api/v1/bookings", token, json("tripCode", code, "seats", 1)).status())
			.isEqualTo(201);
		assertThat(accounts.send("PUT", "/api/v1/me/preferences", token, json("currency", "EUR")).status())
			.isEqualTo(200);
		assertThat(http.get("/api/v1/trips/" + code).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			assertThat(serverParentOf("postgres booking.insert")).as("booking transaction").isPresent();
			assertThat(serverParentOf("mongo preferences.replace")).as("MongoDB write").isPresent();
			assertThat(serverParentOf("redis cache.get")).as("Redis read").isPresent();
		});
	}

	/**
	 * The server span in the same trace as a store span of that name, if both were
	 * exported.
	 */
	private Optional<SpanData> serverParentOf(String storeSpan) {
		return spans.all()
			.stream()
			.filter(span -> span.getName().equals(storeSpan))
			.flatMap(store -> spans.all()
				.stream()
				.filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(store.getTraceId())))
			.findFirst();
	}

	/** Every exported span, kept in memory instead of sent to a collector. */
	static final class CollectedSpans implements SpanExporter {

		private final List<SpanData> spans = new CopyOnWriteArrayList<>();

		List<SpanData> all() {
			return spans;
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> batch) {
			spans.addAll(batch);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemoryExport {

		@Bean
		CollectedSpans collectedSpans() {
			return new CollectedSpans();
		}

	}

}
