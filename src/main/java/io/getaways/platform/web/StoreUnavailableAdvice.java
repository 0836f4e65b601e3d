package io.getaways.platform.web;

import io.getaways.platform.db.PoolBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A store that cannot be reached is the service's state, not the caller's mistake nor a
 * bug: the answer is 503 with Retry-After, quickly (the pool's connection timeout bounds
 * the wait), so that clients and load balancers back off and retry. Module advice (such
 * as the Travlr adapter's) still takes precedence for its own controllers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class StoreUnavailableAdvice {

	private static final Logger log = LoggerFactory.getLogger(StoreUnavailableAdvice.class);

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			QueryTimeoutException.class, TransientDataAccessResourceException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException ex) {
		PoolBusyException busy = poolBusy(ex);
		ProblemDetail problem;
		if (busy != null) {
			// a workload over its capacity, not an outage: say which, so that a client
			// of reports knows that bookings are unaffected
			log.warn("Pool busy in request {}: {}", RequestIds.current(), busy.getMessage());
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Every database connection for "
					+ busy.pool().replace("getaways-", "") + " work is in use; try again shortly");
			problem.setProperty("pool", busy.pool());
		}
		else {
			log.warn("Store unavailable in request {}: {}", RequestIds.current(), ex.getMessage());
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"A data store is unavailable right now; try again shortly");
		}
		problem.setProperty("requestId", RequestIds.current());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2").body(problem);
	}

	private static PoolBusyException poolBusy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PoolBusyException busy) {
				return busy;
			}
		}
		return null;
	}

}
