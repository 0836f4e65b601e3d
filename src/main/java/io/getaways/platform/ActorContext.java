package io.getaways.platform;

import java.util.function.Supplier;

/**
 * The actor of the current thread; every database transaction starts by handing it to
 * PostgreSQL.
 */
public final class ActorContext {

	private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

	private ActorContext() {
	}

	public static Actor current() {
		Actor actor = CURRENT.get();
		return actor == null ? Actor.anonymous() : actor;
	}

	/**
	 * The actor set on this thread, or null where none is (not even the anonymous one).
	 */
	static Actor currentOrNull() {
		return CURRENT.get();
	}

	public static <T> T callAs(Actor actor, Supplier<T> work) {
		try (Scope scope = enter(actor)) {
			return work.get();
		}
	}

	/** Makes the actor current until the scope closes, then restores the previous one. */
	public static Scope enter(Actor actor) {
		Actor previous = CURRENT.get();
		CURRENT.set(actor);
		return () -> restore(previous);
	}

	public static void runAs(Actor actor, Runnable work) {
		callAs(actor, () -> {
			work.run();
			return null;
		});
	}

	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	private static void restore(Actor previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
