package io.getaways.payment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.getaways.payment.IdempotentRequests;
import io.getaways.payment.internal.IdempotencyKeys.StoredKey;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each step on the key is a short transaction of its own, never part of the action's: the
 * key must be visible to concurrent duplicates before the action starts, and must survive
 * the action's rollback.
 */
@Service
class IdempotentRequestHandler implements IdempotentRequests {

	static final String KEY_HEADER = "Idempotency-Key";
	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Logger log = LoggerFactory.getLogger(IdempotentRequestHandler.class);

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private static final Duration POLL = Duration.ofMillis(50);

	private final IdempotencyKeys keys;

	private final IdempotencySettings settings;

	private final IdempotencyMetrics metrics;

	private final JsonMapper json;

	private final TransactionTemplate ownTransaction;

	IdempotentRequestHandler(IdempotencyKeys keys, IdempotencySettings settings, IdempotencyMetrics metrics,
			JsonMapper json, TransactionTemplate transactions) {
		this.keys = keys;
		this.settings = settings;
		this.metrics = metrics;
		this.json = json;
		this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public <T> ResponseEntity<T> execute(IdempotentCall call, Class<T> bodyType, Supplier<ResponseEntity<T>> action) {
		if (call.key() == null) {
			return action.get();
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// the answer would be kept before the action's transaction commits, and
			// replayed even if it then failed
			throw new IllegalStateException("IdempotentRequests.execute must be called outside any transaction; "
					+ "the action starts its own");
		}
		if (!KEY.matcher(call.key()).matches()) {
			throw new InvalidParameterException(KEY_HEADER, "must be 1 to 255 visible ASCII characters");
		}
		Request request = new Request(currentUser(), call.key(), call.method().toUpperCase(Locale.ROOT), call.path(),
				fingerprint(call));
		long deadline = System.nanoTime() + settings.duplicateWait().toNanos();
		while (true) {
			Optional<StoredKey> held = ownTransaction.execute(status -> claimOrFind(request));
			if (held == null || held.isEmpty()) {
				return runAndKeep(request, action);
			}
			Optional<StoredKey> current = held;
			while (current.isPresent()) {
				StoredKey stored = current.get();
				if (!Arrays.equals(stored.requestHash(), request.hash())) {
					metrics.mismatch();
					throw new IdempotencyKeyReusedException(request.key());
				}
				if (stored.completed()) {
					metrics.replayed();
					return replay(stored, bodyType);
				}
				if (System.nanoTime() - deadline >= 0) {
					metrics.inProgress();
					throw new IdempotentRequestInProgressException(request.key(), settings.duplicateWait());
				}
				pause();
				current = ownTransaction.execute(status -> keys.find(request.userId(), request.key()));
			}
			// the first request failed and released the key: this duplicate is a retry,
			// so it may run
		}
	}

	/**
	 * Empty when this request now holds the key; otherwise what someone else left under
	 * it.
	 */
	private Optional<StoredKey> claimOrFind(Request request) {
		if (keys.claim(request.userId(), request.key(), request.method(), request.path(), request.hash(),
				settings.retention(), settings.abandonAfter())) {
			return Optional.empty();
		}
		Optional<StoredKey> held = keys.find(request.userId(), request.key());
		// gone between the two statements (released, or just expired): try again to take
		// it
		return held.isPresent() ? held : claimOrFind(request);
	}

	private <T> ResponseEntity<T> runAndKeep(Request request, Supplier<ResponseEntity<T>> action) {
		ResponseEntity<T> answer;
		try {
			answer = action.get();
		}
		catch (RuntimeException | Error ex) {
			release(request);
			throw ex;
		}
		metrics.executed();
		if (!answer.getStatusCode().is2xxSuccessful()) {
			release(request);
			return answer;
		}
		try {
			String body = answer.getBody() == null ? null : json.writeValueAsString(answer.getBody());
			Boolean kept = ownTransaction.execute(status -> keys.complete(request.userId(), request.key(),
					request.hash(), answer.getStatusCode().value(), body));
			if (!Boolean.TRUE.equals(kept)) {
				log.warn("Payments: the answer to Idempotency-Key {} of user {} was not kept: the key was taken over",
						request.key(), request.userId());
			}
		}
		catch (RuntimeException ex) {
			// the action has happened: the client gets its answer; retries get 409 until
			// the key is abandoned
			log.error("Payments: could not keep the answer to Idempotency-Key {} of user {}", request.key(),
					request.userId(), ex);
		}
		return answer;
	}

	private void release(Request request) {
		try {
			ownTransaction.execute(status -> keys.release(request.userId(), request.key(), request.hash()));
		}
		catch (RuntimeException ex) {
			log.warn("Payments: could not release Idempotency-Key {} of user {}; it frees itself after {}",
					request.key(), request.userId(), settings.abandonAfter(), ex);
		}
	}

	private <T> ResponseEntity<T> replay(StoredKey stored, Class<T> bodyType) {
		T body;
		try {
			body = stored.responseBody() == null ? null : json.readValue(stored.responseBody(), bodyType);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The kept answer no longer reads as " + bodyType.getSimpleName(), ex);
		}
		return ResponseEntity.status(stored.responseStatus()).header(REPLAYED_HEADER, "true").body(body);
	}

	private static UUID currentUser() {
		String userId = ActorContext.current().userId();
		if (userId == null) {
			throw new IdempotencyKeyWithoutUserException();
		}
		return UUID.fromString(userId);
	}

	static byte[] fingerprint(IdempotentCall call) {
		String request = call.method().toUpperCase(Locale.ROOT) + '\n' + call.path() + '\n'
				+ (call.body() == null ? "" : call.body());
		try {
			return MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a request with the same Idempotency-Key",
					ex);
		}
	}

	private record Request(UUID userId, String key, String method, String path, byte[] hash) {
	}

}
