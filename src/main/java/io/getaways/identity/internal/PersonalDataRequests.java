package io.getaways.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.identity.UserAccount;
import io.getaways.platform.DomainException;
import io.getaways.platform.PersonalData;
import io.getaways.platform.PersonalDataErased;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's right to see and to erase what the service keeps about them. Every module's
 * {@link PersonalData} answers for its own share, in one PostgreSQL transaction acting as
 * whoever asked (the person, or an admin), so row-level security and the audit log apply
 * as they do to any other request; an entry in the audit log records each export and
 * erasure.
 */
@Component
class PersonalDataRequests {

	private final List<PersonalData> parts;

	private final JdbcClient jdbc;

	private final SignInEvents events;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transactions;

	private final UserRepository users;

	private final PasswordChanges passwords;

	PersonalDataRequests(List<PersonalData> parts, JdbcClient jdbc, SignInEvents events,
			ApplicationEventPublisher publisher, TransactionTemplate transactions, UserRepository users,
			PasswordChanges passwords) {
		this.users = users;
		this.passwords = passwords;
		this.parts = List.copyOf(parts);
		this.jdbc = jdbc;
		this.events = events;
		this.publisher = publisher;
		this.transactions = transactions;
	}

	Export export(UUID userId) {
		return transactions.execute(status -> {
			requireAccount(userId);
			Map<String, Object> sections = new LinkedHashMap<>();
			for (PersonalData part : parts) {
				sections.put(part.section(), part.export(userId));
			}
			events.record("PERSONAL_DATA_EXPORTED", userId.toString(),
					Map.of("sections", List.copyOf(sections.keySet())));
			return new Export(userId, Instant.now(), sections);
		});
	}

	/**
	 * A person's own erasure, once they have shown they know the password: it cannot be
	 * undone, and a stolen token should not be enough.
	 */
	Erasure eraseOwn(UUID userId, String password) {
		String email = transactions.execute(status -> users.find(userId).map(UserAccount::email))
			.orElseThrow(() -> new AccountNotFound(userId));
		passwords.confirmPassword(email, password);
		return erase(userId);
	}

	Erasure erase(UUID userId) {
		return transactions.execute(status -> {
			if (requireAccount(userId) != null) {
				throw new AlreadyErased(userId);
			}
			List<String> blockers = parts.stream().flatMap(part -> part.erasureBlockers(userId).stream()).toList();
			if (!blockers.isEmpty()) {
				throw new ErasureBlocked(blockers);
			}
			Map<String, Integer> changed = new LinkedHashMap<>();
			for (PersonalData part : parts) {
				changed.put(part.section(), part.erase(userId));
			}
			Instant erasedAt = Instant.now();
			events.record("PERSONAL_DATA_ERASED", userId.toString(), Map.of("changed", changed));
			publisher.publishEvent(new PersonalDataErased(userId, erasedAt));
			return new Erasure(userId, erasedAt, changed);
		});
	}

	/** When the account was erased, or null; not found when there is no such account. */
	private Instant requireAccount(UUID userId) {
		List<Timestamp> erasedAt = jdbc.sql("SELECT erased_at FROM app.users WHERE id = :id")
			.param("id", userId)
			.query((row, n) -> row.getTimestamp("erased_at"))
			.list();
		if (erasedAt.isEmpty()) {
			throw new AccountNotFound(userId);
		}
		return erasedAt.get(0) == null ? null : erasedAt.get(0).toInstant();
	}

	record Export(UUID userId, Instant exportedAt, Map<String, Object> sections) {
	}

	record Erasure(UUID userId, Instant erasedAt, Map<String, Integer> changed) {
	}

	static class ErasureBlocked extends DomainException {

		private final List<String> reasons;

		ErasureBlocked(List<String> reasons) {
			super(Kind.CONFLICT, "Personal data can be erased only after every trip: " + String.join("; ", reasons));
			this.reasons = reasons;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("reasons", reasons);
		}

	}

	static class AccountNotFound extends DomainException {

		AccountNotFound(UUID userId) {
			super(Kind.NOT_FOUND, "User " + userId + " not found");
		}

	}

	static class AlreadyErased extends DomainException {

		AlreadyErased(UUID userId) {
			super(Kind.CONFLICT, "The personal data of user " + userId + " is already erased");
		}

	}

}
