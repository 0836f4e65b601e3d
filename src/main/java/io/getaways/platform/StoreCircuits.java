package io.getaways.platform;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.getaways.platform.StoreMetrics.Store;
import io.getaways.platform.db.PoolBusyException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * One circuit breaker per store around every call that {@link StoreMetrics} times. Only
 * failures that say the store is unreachable or too slow count (a constraint violation or
 * a deadlock is an answer, not an outage). While a breaker is open, calls fail at once
 * with {@link DataAccessResourceFailureException}, which every caller's fallback already
 * handles, instead of each waiting out its timeout; after
 * {@code getaways.circuit.open-duration} a few trial calls decide whether it closes.
 * States are published as {@code resilience4j_circuitbreaker_state{name=store}}.
 */
@Component
public class StoreCircuits {

	private static final Logger log = LoggerFactory.getLogger(StoreCircuits.class);

	private final Map<Store, CircuitBreaker> breakers = new EnumMap<>(Store.class);

	StoreCircuits(MeterRegistry registry,
			@Value("${getaways.circuit.failure-rate-threshold:50}") float failureRateThreshold,
			@Value("${getaways.circuit.window-size:20}") int windowSize,
			@Value("${getaways.circuit.minimum-calls:10}") int minimumCalls,
			@Value("${getaways.circuit.open-duration:5s}") Duration openDuration,
			@Value("${getaways.circuit.half-open-calls:3}") int halfOpenCalls) {
		if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
			throw new IllegalArgumentException(
					"getaways.circuit.failure-rate-threshold must be in (0, 100] but was " + failureRateThreshold);
		}
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(failureRateThreshold)
			.slidingWindowSize(windowSize)
			.minimumNumberOfCalls(minimumCalls)
			.waitDurationInOpenState(openDuration)
			.permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException(StoreCircuits::isOutage)
			.build();
		CircuitBreakerRegistry circuits = CircuitBreakerRegistry.of(config);
		for (Store store : Store.values()) {
			CircuitBreaker breaker = circuits.circuitBreaker(store.tag());
			breaker.getEventPublisher()
				.onStateTransition(event -> log.warn("Store {}: circuit {}", store.tag(), event.getStateTransition()));
			breakers.put(store, breaker);
		}
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits).bindTo(registry);
	}

	/**
	 * Default circuits for code outside the application context, such as command-line
	 * tasks and tests.
	 */
	public static StoreCircuits withDefaults(MeterRegistry registry) {
		return new StoreCircuits(registry, 50, 20, 10, Duration.ofSeconds(5), 3);
	}

	<T> T call(Store store, Supplier<T> call) {
		try {
			return breakers.get(store).executeSupplier(call);
		}
		catch (CallNotPermittedException open) {
			throw unavailable(store, open);
		}
	}

	/**
	 * Runs a call through the store's circuit; while it is open, fails with
	 * CannotCreateTransactionException.
	 */
	public void run(Store store, Runnable call) {
		try {
			breakers.get(store).executeRunnable(call);
		}
		catch (CallNotPermittedException open) {
			throw new CannotCreateTransactionException(unavailable(store, open).getMessage(), open);
		}
	}

	private static DataAccessResourceFailureException unavailable(Store store, CallNotPermittedException open) {
		return new DataAccessResourceFailureException(
				store.tag() + " is unavailable: its circuit is open after repeated failures", open);
	}

	CircuitBreaker.State state(Store store) {
		return breakers.get(store).getState();
	}

	static boolean isOutage(Throwable failure) {
		if (isPoolBusy(failure)) {
			// one workload over its pool's capacity: PostgreSQL answers the others
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof ConnectException
					|| cause instanceof SocketTimeoutException || isDriverOutage(cause)) {
				return true;
			}
		}
		return false;
	}

	/** A workload's pool had no free connection for its whole timeout. */
	private static boolean isPoolBusy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PoolBusyException) {
				return true;
			}
		}
		return false;
	}

	// driver exceptions that reach us untranslated, by name so that platform needs no
	// driver on its compile path
	private static boolean isDriverOutage(Throwable cause) {
		String name = cause.getClass().getName();
		return name.startsWith("com.mongodb.MongoSocket") || name.equals("com.mongodb.MongoTimeoutException")
				|| name.equals("io.lettuce.core.RedisConnectionException")
				|| name.equals("io.lettuce.core.RedisCommandTimeoutException");
	}

}
