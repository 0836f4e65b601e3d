package io.getaways.platform.db;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;

/**
 * Read-your-writes over replicas. After a transaction that may have written commits, the
 * primary's WAL position is this user's consistency token: kept per user id for this
 * instance, handed to the client in the {@value #HEADER} answer header, and taken back
 * from that header on later requests (to any instance). A read needing a token goes to a
 * replica only once that replica has replayed past it, otherwise to the primary.
 *
 * <p>
 * A token older than twice the lag bound is dropped: every replica that serves at all is
 * within the bound, and replays commits in order, so it already holds that write.
 */
public final class ConsistencyTokens {

	/** The answer and request header carrying a token ({@code 0/1A2B3C4}). */
	public static final String HEADER = "Getaways-Consistency-Token";

	private static final ThreadLocal<Request> REQUEST = new ThreadLocal<>();

	private final Map<String, Token> byUser = new ConcurrentHashMap<>();

	private final long keepNanos;

	ConsistencyTokens(Duration maxLag) {
		this.keepNanos = maxLag.multipliedBy(2).toNanos();
	}

	private record Token(long lsn, long committedAt) {
	}

	/** What one request carries: the client's token, and where a new one is written. */
	private static final class Request {

		private long required;

		private final Consumer<String> answer;

		Request(long required, Consumer<String> answer) {
			this.required = required;
			this.answer = answer;
		}

	}

	/**
	 * For the length of one request: the token the client sent (0 for none) and where a
	 * token of a write in this request is answered.
	 */
	public static ActorContext.Scope enterRequest(long clientToken, Consumer<String> answer) {
		Request previous = REQUEST.get();
		REQUEST.set(new Request(clientToken, answer));
		return () -> {
			if (previous == null) {
				REQUEST.remove();
			}
			else {
				REQUEST.set(previous);
			}
		};
	}

	/** The WAL position a read of the current thread's actor must see. */
	long required() {
		long required = 0;
		Request request = REQUEST.get();
		if (request != null) {
			required = request.required;
		}
		String user = userOf(ActorContext.current());
		Token token = user == null ? null : byUser.get(user);
		if (token != null) {
			if (System.nanoTime() - token.committedAt() > keepNanos) {
				byUser.remove(user, token);
			}
			else {
				required = Math.max(required, token.lsn());
			}
		}
		return required;
	}

	/** Whether a commit on this thread needs its position recorded. */
	boolean wanted() {
		return REQUEST.get() != null || userOf(ActorContext.current()) != null;
	}

	/**
	 * A transaction of the current thread committed, the primary's WAL being at
	 * {@code lsn}.
	 */
	void committed(long lsn) {
		keepForUser(lsn);
		Request request = REQUEST.get();
		if (request != null) {
			request.required = Math.max(request.required, lsn);
			request.answer.accept(Lsn.format(request.required));
		}
	}

	/**
	 * A transaction committed but its position could not be read: this user's reads go to
	 * the primary until the token would have expired, and the client gets no token.
	 */
	void committedAtUnknownPosition() {
		keepForUser(Long.MAX_VALUE);
		Request request = REQUEST.get();
		if (request != null) {
			request.required = Long.MAX_VALUE;
		}
	}

	private void keepForUser(long lsn) {
		String user = userOf(ActorContext.current());
		if (user != null) {
			byUser.merge(user, new Token(lsn, System.nanoTime()),
					(old, fresh) -> old.lsn() > fresh.lsn() ? new Token(old.lsn(), fresh.committedAt()) : fresh);
		}
	}

	/** Users with a token still kept, for tests and health. */
	int kept() {
		return byUser.size();
	}

	private static String userOf(Actor actor) {
		return actor == null || actor.userId() == null || actor.userId().isBlank() ? null : actor.userId();
	}

}
