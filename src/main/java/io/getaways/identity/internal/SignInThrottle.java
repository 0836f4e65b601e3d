package io.getaways.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per subject ({@code account:<email>} or {@code address:<ip>}), kept in
 * PostgreSQL so that every instance sees them. Subjects exist for unknown emails too, so
 * throttling reveals nothing about which accounts exist.
 */
@Component
class SignInThrottle {

	private static final String RECORD_FAILURE = """
			INSERT INTO system.login_throttle AS t (subject, failures, last_failure_at, locked_until)
			VALUES (:subject, 1, now(), CASE WHEN :lockAfter <= 1 THEN now() + :lockSeconds * interval '1 second' END)
			ON CONFLICT (subject) DO UPDATE
			SET failures = t.failures + 1,
			    last_failure_at = now(),
			    locked_until = CASE WHEN t.failures + 1 >= :lockAfter
			                        THEN now() + :lockSeconds * interval '1 second'
			                        ELSE t.locked_until END
			RETURNING locked_until IS NOT NULL AND locked_until > now() AS locked""";

	private final JdbcClient jdbc;

	private final IdentitySettings.SignIn settings;

	SignInThrottle(JdbcClient jdbc, IdentitySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings.signIn();
	}

	static String account(String email) {
		return "account:" + email.toLowerCase(java.util.Locale.ROOT);
	}

	static String address(String ip) {
		return "address:" + (ip == null ? "unknown" : ip);
	}

	/** How long the caller must wait before another attempt, if at all. */
	Optional<Duration> waitRequired(List<String> subjects, Instant now) {
		jdbc.sql("DELETE FROM system.login_throttle WHERE subject IN (:subjects) AND locked_until <= now()")
			.param("subjects", subjects)
			.update();
		return jdbc.sql("""
				SELECT subject, failures, last_failure_at, locked_until
				FROM system.login_throttle
				WHERE subject IN (:subjects)""")
			.param("subjects", subjects)
			.query((row, n) -> waitFor(slowDownAfter(row.getString("subject")), row.getInt("failures"),
					row.getTimestamp("last_failure_at"), row.getTimestamp("locked_until"), now))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.max(Duration::compareTo);
	}

	/**
	 * An address slows down as many failures before its lock as an account does. Slowing
	 * it down from the account's threshold would double the delay past the lock's
	 * duration long before the address lock could apply, and would hold up everyone
	 * behind a shared address after a few typing errors.
	 */
	private int slowDownAfter(String subject) {
		if (subject.startsWith("address:")) {
			return Math.max(1, settings.lockAfterPerAddress() - (settings.lockAfter() - settings.slowDownAfter()));
		}
		return settings.slowDownAfter();
	}

	private Optional<Duration> waitFor(int slowDownAfter, int failures, Timestamp lastFailure, Timestamp lockedUntil,
			Instant now) {
		if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
			return Optional.of(Duration.between(now, lockedUntil.toInstant()));
		}
		if (failures < slowDownAfter) {
			return Optional.empty();
		}
		int doublings = Math.min(failures - slowDownAfter, 10);
		Instant allowedAt = lastFailure.toInstant().plus(settings.firstDelay().multipliedBy(1L << doublings));
		return allowedAt.isAfter(now) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
	}

	/** Counts a failure; returns whether the subject is now locked. */
	boolean recordFailure(String subject, int lockAfter) {
		return jdbc.sql(RECORD_FAILURE)
			.param("subject", subject)
			.param("lockAfter", lockAfter)
			.param("lockSeconds", settings.lockDuration().toSeconds())
			.query(Boolean.class)
			.single();
	}

	void clear(String subject) {
		jdbc.sql("DELETE FROM system.login_throttle WHERE subject = :subject").param("subject", subject).update();
	}

}
