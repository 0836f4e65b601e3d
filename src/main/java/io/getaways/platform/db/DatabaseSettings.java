package io.getaways.platform.db;

import io.getaways.platform.config.NonBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Getaways logs in to PostgreSQL beyond the application pool
 * ({@code spring.datasource.*}, which logs in as the {@code <prefix>_app} role).
 *
 * @param rolePrefix prefix of every database role name
 * @param migrateOnStart whether the service applies pending migrations before it opens
 * its pools
 * @param owner the schema owner that runs migrations; a blank username means
 * {@code <prefix>_owner}
 * @param loginPasswords passwords given to the login roles after migrations; a blank one
 * leaves that role untouched
 */
@ConfigurationProperties("getaways.db")
@Validated
public record DatabaseSettings(@DefaultValue("getaways") @NonBlank String rolePrefix,
		@DefaultValue("true") boolean migrateOnStart, @DefaultValue Credentials owner,
		@DefaultValue LoginPasswords loginPasswords) {

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
