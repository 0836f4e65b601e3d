package io.getaways.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One timer for every call a module makes to a store, {@code getaways.store.operations},
 * tagged by store, operation and outcome, so that PostgreSQL, MongoDB and Redis latency
 * sit side by side on one dashboard. Every call also passes its store's circuit breaker
 * ({@link StoreCircuits}). With tracing on, each call is also a span named for its store
 * and operation ({@code postgres booking.place}), so a trace shows where a request
 * waited.
 */
@Component
public class StoreMetrics {

	public enum Store {

		POSTGRES("postgres"), MONGO("mongo"), REDIS("redis");

		private final String tag;

		Store(String tag) {
			this.tag = tag;
		}

		public String tag() {
			return tag;
		}

	}

	private final MeterRegistry registry;

	private final StoreCircuits circuits;

	/**
	 * Null unless tracing is on: then every store call is a span of the request or job it
	 * serves.
	 */
	private final Tracer tracer;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * For short-lived tasks outside the application context, such as command-line
	 * database work.
	 */
	public StoreMetrics(MeterRegistry registry) {
		this(registry, StoreCircuits.withDefaults(registry), null);
	}

	@Autowired
	StoreMetrics(MeterRegistry registry, StoreCircuits circuits, ObjectProvider<Tracer> tracer,
			@Value("${management.tracing.export.enabled:false}") boolean tracing) {
		this(registry, circuits, tracing ? tracer.getIfAvailable() : null);
	}

	private StoreMetrics(MeterRegistry registry, StoreCircuits circuits, Tracer tracer) {
		this.registry = registry;
		this.circuits = circuits;
		this.tracer = tracer;
	}

	public <T> T record(Store store, String operation, Supplier<T> call) {
		if (tracer == null) {
			return timed(store, operation, call);
		}
		Span span = tracer.nextSpan().name(store.tag + " " + operation).tag("db.system", store.tag).start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			return timed(store, operation, call);
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private <T> T timed(Store store, String operation, Supplier<T> call) {
		Timer.Sample sample = Timer.start(registry);
		String outcome = "error";
		try {
			T result = circuits.call(store, call);
			outcome = "success";
			return result;
		}
		finally {
			sample.stop(timer(store, operation, outcome));
		}
	}

	/**
	 * Registered once per tag set: this runs on every store call, so it must not rebuild
	 * meters each time.
	 */
	private Timer timer(Store store, String operation, String outcome) {
		return timers.computeIfAbsent(store.tag + '|' + operation + '|' + outcome,
				key -> Timer.builder("getaways.store.operations")
					.description("Calls to a store, by store, operation and outcome")
					.tag("store", store.tag)
					.tag("operation", operation)
					.tag("outcome", outcome)
					.publishPercentileHistogram()
					.register(registry));
	}

	public void record(Store store, String operation, Runnable call) {
		record(store, operation, () -> {
			call.run();
			return null;
		});
	}

}
