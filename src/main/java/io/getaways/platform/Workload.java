package io.getaways.platform;

import java.util.function.Supplier;

/**
 * Which connection pool a thread's database work takes its connections from, so that a
 * long report or a backlog of jobs never holds the connections that bookings need.
 *
 * <p>
 * The workload of the current thread is, in order: the innermost scope entered with
 * {@link #enter}, else what the actor's role implies ({@code JOBS} runs jobs,
 * {@code READONLY} reads reports), else the thread's default (the scheduler's and the
 * outbox listeners' threads run jobs), else {@link #REQUESTS}. It is read when a
 * transaction (or a statement outside one) takes its connection; a transaction keeps that
 * connection, whatever it calls, until it ends.
 */
public enum Workload {

	/** HTTP request traffic: bookings, payments, reads. */
	REQUESTS,
	/** Scheduled jobs, outbox listeners and resubmission, backup and maintenance. */
	JOBS,
	/** Reports, exports and refreshes of the report views. */
	REPORTING;

	private static final ThreadLocal<Workload> SCOPED = new ThreadLocal<>();

	private static final ThreadLocal<Workload> THREAD_DEFAULT = new ThreadLocal<>();

	/** The name of the workload's pool, as metrics and health show it. */
	public String poolName() {
		return "getaways-" + key();
	}

	/** The workload's key in property names ({@code getaways.db.pools.<key>.*}). */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Workload current() {
		Workload scoped = SCOPED.get();
		if (scoped != null) {
			return scoped;
		}
		Actor actor = ActorContext.currentOrNull();
		if (actor != null && actor.role() == Actor.Role.JOBS) {
			return JOBS;
		}
		if (actor != null && actor.role() == Actor.Role.READONLY) {
			return REPORTING;
		}
		Workload fallback = THREAD_DEFAULT.get();
		return fallback == null ? REQUESTS : fallback;
	}

	/** Makes this workload current until the scope closes, whoever the actor is. */
	public ActorContext.Scope enter() {
		return enter(SCOPED, this);
	}

	public <T> T call(Supplier<T> work) {
		try (ActorContext.Scope scope = enter()) {
			return work.get();
		}
	}

	/**
	 * Makes this workload the default of the current thread until the scope closes: an
	 * actor's role or an entered scope still decide first. For threads that exist to run
	 * one kind of work, such as the scheduler's.
	 */
	public ActorContext.Scope enterAsThreadDefault() {
		return enter(THREAD_DEFAULT, this);
	}

	private static ActorContext.Scope enter(ThreadLocal<Workload> holder, Workload workload) {
		Workload previous = holder.get();
		holder.set(workload);
		return () -> {
			if (previous == null) {
				holder.remove();
			}
			else {
				holder.set(previous);
			}
		};
	}

}
