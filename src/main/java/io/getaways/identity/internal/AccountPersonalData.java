package io.getaways.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.PersonalData;
import io.getaways.platform.PersonalDataErased;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The account itself: who the person is, their roles, API keys (never their secrets),
 * passkeys (their public keys) and preferences. Erasure keeps the row, so bookings and
 * payments still have an owner, but replaces the email, name and password and disables
 * it; sessions, API keys and passkeys end with it.
 */
@Component
@Order(0)
class AccountPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final ApiKeys apiKeys;

	private final RefreshTokens refreshTokens;

	private final PreferencesStore preferences;

	private final PasskeyCredentials passkeys;

	AccountPersonalData(JdbcClient jdbc, ApiKeys apiKeys, RefreshTokens refreshTokens, PreferencesStore preferences,
			PasskeyCredentials passkeys) {
		this.jdbc = jdbc;
		this.passkeys = passkeys;
		this.apiKeys = apiKeys;
		this.refreshTokens = refreshTokens;
		this.preferences = preferences;
	}

	@Override
	public String section() {
		return "account";
	}

	@Override
	public Object export(UUID userId) {
		Map<String, Object> account = jdbc.sql("""
				SELECT email, name, status, created_at, last_login_at,
				       array(SELECT r.role FROM app.user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles
				FROM app.users u
				WHERE u.id = :id""").param("id", userId).query((row, n) -> {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("id", userId);
			values.put("email", row.getString("email"));
			values.put("name", row.getString("name"));
			values.put("status", row.getString("status"));
			values.put("createdAt", instant(row.getTimestamp("created_at")));
			values.put("lastSignInAt", instant(row.getTimestamp("last_login_at")));
			values.put("roles", List.of((String[]) row.getArray("roles").getArray()));
			return values;
		}).single();
		account.put("apiKeys", apiKeys.list(userId));
		account.put("passkeys", passkeys.list(userId, false));
		account.put("preferences", preferences.find(userId));
		return account;
	}

	@Override
	public int erase(UUID userId) {
		boolean self = ActorContext.current().role() == Actor.Role.CUSTOMER;
		Boolean erased = self ? jdbc.sql("SELECT app.erase_own_account()").query(Boolean.class).single()
				: jdbc.sql("SELECT app.erase_account(:id)").param("id", userId).query(Boolean.class).single();
		if (!Boolean.TRUE.equals(erased)) {
			return 0;
		}
		return 1 + refreshTokens.revokeAll(userId) + apiKeys.revokeAll(userId) + passkeys.removeAll(userId);
	}

	@ApplicationModuleListener
	void on(PersonalDataErased erased) {
		preferences.delete(erased.userId());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
