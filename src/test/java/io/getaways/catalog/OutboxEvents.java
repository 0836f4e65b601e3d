package io.getaways.catalog;

import java.sql.SQLException;

import org.springframework.context.ApplicationContext;

/**
 * The outbox rows of one test's codes, read and bent as the server's superuser: random
 * codes appear in no other test's events, so a match on the serialized text is enough.
 */
public final class OutboxEvents {

	private static final String MATCHES = """
			event_type LIKE :type
			  AND serialized_event LIKE :code""";

	private OutboxEvents() {
	}

	/** Publications of any event naming the code that are not completed yet. */
	public static long incomplete(ApplicationContext context, String code) {
		return incomplete(context, code, "%");
	}

	public static long incomplete(ApplicationContext context, String code, String listenerLike) {
		return run(context,
				superuser -> superuser.jdbc()
					.sql("""
							SELECT count(*) FROM app.event_publication
							WHERE serialized_event LIKE :code
							  AND listener_id LIKE :listener
							  AND completion_date IS NULL""")
					.param("code", "%\"" + code + "\"%")
					.param("listener", listenerLike)
					.query(Long.class)
					.single());
	}

	/**
	 * Makes the code's events of the type (a class name suffix) pending again: published
	 * and not yet handled, dated an hour ahead. The outbox job resubmits failed
	 * publications whatever their date, and takes over unfinished ones only once they are
	 * older than stalled-after, so it leaves these alone while the test looks.
	 */
	public static int markPending(ApplicationContext context, String code, String typeSuffix) {
		return run(context, superuser -> superuser.jdbc().sql("""
				UPDATE app.event_publication
				SET completion_date = NULL, status = 'PUBLISHED', publication_date = now() + interval '1 hour'
				WHERE""" + " " + MATCHES).param("type", "%" + typeSuffix).param("code", "%\"" + code + "\"%").update());
	}

	/**
	 * Completes whatever is still pending of the code, so that no test leaves a backlog
	 * behind.
	 */
	public static int complete(ApplicationContext context, String code) {
		return run(context, superuser -> superuser.jdbc().sql("""
				UPDATE app.event_publication
				SET completion_date = now(), status = 'COMPLETED', publication_date = now() - interval '1 second'
				WHERE completion_date IS NULL
				  AND serialized_event LIKE :code""").param("code", "%\"" + code + "\"%").update());
	}

	/**
	 * Deletes the code's events of the type, as the outbox purge does once they are older
	 * than the retention.
	 */
	public static int purge(ApplicationContext context, String code, String typeSuffix) {
		return run(context,
				superuser -> superuser.jdbc()
					.sql("DELETE FROM app.event_publication WHERE " + MATCHES)
					.param("type", "%" + typeSuffix)
					.param("code", "%\"" + code + "\"%")
					.update());
	}

	private interface Work<T> {

		T on(Superuser superuser);

	}

	private static <T> T run(ApplicationContext context, Work<T> work) {
		try (Superuser superuser = new Superuser(context)) {
			return work.on(superuser);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No superuser connection", ex);
		}
	}

}
