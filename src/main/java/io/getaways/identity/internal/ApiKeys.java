package io.getaways.identity.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys: {@code gw_<12 hex lookup prefix>_<secret>}, shown once and stored as a
 * SHA-256 hash (the secret has 256 random bits). A key acts with its scopes, never beyond
 * what its owner's roles allow at the time of use.
 */
@Component
class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int PREFIX_HEX = 12;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RolePermissions permissions;

	private final UserRepository users;

	private final SignInEvents events;

	ApiKeys(JdbcClient jdbc, TransactionTemplate transactions, RolePermissions permissions, UserRepository users,
			SignInEvents events) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.permissions = permissions;
		this.users = users;
		this.events = events;
	}

	/** Must run acting as the owner. */
	CreatedKey create(UUID owner, String name, Set<String> scopes, Instant expiresAt) {
		Set<String> allowed = permissions.of(users.find(owner).orElseThrow().roles());
		scopes.stream().filter(scope -> !allowed.contains(scope)).findFirst().ifPresent(scope -> {
			throw new InvalidParameterException("scopes", "'" + scope + "' is not among your permissions " + allowed);
		});
		byte[] prefixBytes = new byte[PREFIX_HEX / 2];
		byte[] secret = new byte[32];
		RANDOM.nextBytes(prefixBytes);
		RANDOM.nextBytes(secret);
		String prefix = HexFormat.of().formatHex(prefixBytes);
		String key = "gw_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = jdbc.sql("""
				INSERT INTO system.api_keys (user_id, name, prefix, key_hash, scopes, expires_at)
				VALUES (:user, :name, :prefix, :hash, :scopes, :expiresAt)
				RETURNING id""")
			.param("user", owner)
			.param("name", name)
			.param("prefix", prefix)
			.param("hash", RefreshTokens.hash(key))
			.param("scopes", scopes.toArray(String[]::new))
			.param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
			.query(UUID.class)
			.single();
		events.record("APIKEY_CREATED", id.toString(), Map.of("name", name, "scopes", List.copyOf(scopes)));
		return new CreatedKey(id, key, prefix);
	}

	/**
	 * Must run acting as the owner. Row-level security lets an admin see every key, so
	 * the owner is named here too.
	 */
	List<ApiKeyView> list(UUID owner) {
		return jdbc.sql("""
				SELECT id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at
				FROM system.api_keys
				WHERE user_id = :owner
				ORDER BY created_at DESC""")
			.param("owner", owner)
			.query((row, n) -> new ApiKeyView(row.getObject("id", UUID.class), row.getString("name"),
					row.getString("prefix"), List.of((String[]) row.getArray("scopes").getArray()),
					row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("expires_at")),
					instant(row.getTimestamp("last_used_at")), instant(row.getTimestamp("revoked_at"))))
			.list();
	}

	/**
	 * Must run acting as the owner; as in {@link #list}, the owner is named because an
	 * admin sees every key.
	 */
	boolean revoke(UUID owner, UUID keyId) {
		return jdbc.sql("""
				UPDATE system.api_keys SET revoked_at = now()
				WHERE id = :id
				  AND user_id = :owner
				  AND revoked_at IS NULL""").param("id", keyId).param("owner", owner).update() > 0;
	}

	/** Revokes every live key of the owner; returns how many. */
	int revokeAll(UUID owner) {
		return jdbc.sql("UPDATE system.api_keys SET revoked_at = now() WHERE user_id = :owner AND revoked_at IS NULL")
			.param("owner", owner)
			.update();
	}

	Optional<ApiKeyAuthentication> authenticate(String key) {
		if (!key.startsWith("gw_") || key.length() < 3 + PREFIX_HEX + 2 || key.charAt(3 + PREFIX_HEX) != '_') {
			return Optional.empty();
		}
		String prefix = key.substring(3, 3 + PREFIX_HEX);
		return ActorContext
			.callAs(ActorContext.current().as(Actor.Role.CUSTOMER), () -> transactions.execute(status -> jdbc
				.sql("SELECT * FROM system.api_key_candidate(:prefix)")
				.param("prefix", prefix)
				.query((row, n) -> new Candidate(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
						row.getBytes("key_hash"), List.of((String[]) row.getArray("scopes").getArray()),
						instant(row.getTimestamp("expires_at")), instant(row.getTimestamp("revoked_at"))))
				.optional()))
			.filter(candidate -> MessageDigest.isEqual(candidate.keyHash(), RefreshTokens.hash(key)))
			.filter(Candidate::usable)
			.map(this::authenticated);
	}

	private ApiKeyAuthentication authenticated(Candidate candidate) {
		Actor owner = ActorContext.current().withUser(candidate.userId().toString(), null, Actor.Role.CUSTOMER);
		Set<String> ownerRoles = ActorContext.callAs(owner, () -> transactions.execute(status -> {
			jdbc.sql("SELECT system.touch_api_key(:id)").param("id", candidate.id()).query((row, n) -> 0).list();
			return users.find(candidate.userId()).map(user -> user.roles()).orElse(Set.of());
		}));
		Set<String> ownerPermissions = permissions.of(ownerRoles);
		List<SimpleGrantedAuthority> authorities = candidate.scopes()
			.stream()
			.filter(ownerPermissions::contains)
			.map(SimpleGrantedAuthority::new)
			.toList();
		// the database role the owner's own token would get: without it an admin's
		// catalog:write key is refused
		Actor.Role databaseRole = ActorFromAuthenticationFilter.roleOf(ownerRoles.stream()
			.map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
			.toList());
		return new ApiKeyAuthentication(candidate.id(), candidate.userId(), databaseRole, authorities);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	record CreatedKey(UUID id, String key, String prefix) {
	}

	record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt) {
	}

	private record Candidate(UUID id, UUID userId, byte[] keyHash, List<String> scopes, Instant expiresAt,
			Instant revokedAt) {

		boolean usable() {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
		}
	}

}
