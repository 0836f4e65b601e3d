package io.getaways.payment;

import java.util.function.Supplier;

import org.springframework.http.ResponseEntity;

/**
 * {@code Idempotency-Key} handling for money-moving POSTs, keyed by the signed-in caller
 * and the key. The first request with a key runs the action; a later one with the same
 * method, path and body gets the first answer again (header
 * {@code Idempotent-Replayed: true}); one with another request under the same key is
 * refused with 422; a duplicate arriving while the first still runs waits a bounded time
 * for its answer, else gets 409 with Retry-After. Only a successful (2xx) answer is kept;
 * when the action throws, the key is released so that a retry runs again. A null key runs
 * the action without any of this.
 */
public interface IdempotentRequests {

	<T> ResponseEntity<T> execute(IdempotentCall call, Class<T> bodyType, Supplier<ResponseEntity<T>> action);

	/**
	 * One request as the key protects it: the body is the raw text the client sent, or
	 * empty.
	 */
	record IdempotentCall(String key, String method, String path, String body) {
	}

}
