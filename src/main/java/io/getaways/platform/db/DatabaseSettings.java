package io.getaways.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Getaways logs in to PostgreSQL beyond the application pool ({@code spring.datasource.*}, which logs in as the
 * {@code <prefix>_app} role).
 *
 * @param rolePrefix prefix of every database role name
 * @param migrateOnStart whether the service applies pending migrations before it opens its pools
 * @param owner the schema owner that runs migrations
 * @param loginPasswords passwords given to the login roles after migrations; a blank one leaves that role untouched
 */
@ConfigurationProperties("getaways.db")
public record DatabaseSettings(String rolePrefix, boolean migrateOnStart, Credentials owner,
		LoginPasswords loginPasswords) {

	public DatabaseSettings {
		rolePrefix = rolePrefix == null ? "getaways" : rolePrefix;
		owner = owner == null ? new Credentials(null, null) : owner;
		loginPasswords = loginPasswords == null ? new LoginPasswords(null, null, null) : loginPasswords;
	}

	public DatabaseRoles roles() {
		return new DatabaseRoles(rolePrefix);
	}

	public String ownerUsername() {
		return owner.username() == null || owner.username().isBlank() ? roles().owner() : owner.username();
	}

	public record Credentials(String username, String password) {
	}

	public record LoginPasswords(String readonly, String auditor, String backup) {
	}
}
