package io.getaways.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code getaways.bootstrap.*}: the first administrator, for containers and scripted
 * installs. Created on a start that finds no admin at all, ignored afterwards. The
 * password comes from {@code admin-password} (environment
 * {@code GETAWAYS_BOOTSTRAP_ADMIN_PASSWORD}) or from {@code admin-password-file} (a
 * mounted secret); it is never printed, and {@link #toString()} hides it.
 */
@ConfigurationProperties("getaways.bootstrap")
@Validated
record BootstrapSettings(String adminEmail, @DefaultValue("Administrator") String adminName, String adminPassword,
		Path adminPasswordFile) implements SettingsRules {

	@Override
	public void checkRules(Rules rules) {
		boolean wanted = adminEmail != null && !adminEmail.isBlank();
		boolean hasPassword = adminPassword != null && !adminPassword.isEmpty();
		rules.require(!wanted || hasPassword || adminPasswordFile != null, "adminPassword",
				"or admin-password-file must be set when admin-email is");
		rules.require(!(hasPassword && adminPasswordFile != null), "adminPasswordFile",
				"must not be set together with admin-password");
		rules.require(adminPasswordFile == null || Files.isReadable(adminPasswordFile), "adminPasswordFile",
				"must be a readable file");
	}

	boolean wanted() {
		return adminEmail != null && !adminEmail.isBlank();
	}

	/** The password as configured; a file's trailing newline is not part of it. */
	String password() {
		if (adminPasswordFile == null) {
			return adminPassword;
		}
		try {
			return Files.readString(adminPasswordFile).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException("getaways.bootstrap.admin-password-file " + adminPasswordFile
					+ " could not be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "BootstrapSettings[adminEmail=" + adminEmail + ", adminName=" + adminName + ", adminPassword="
				+ (adminPassword == null ? "(unset)" : "(set)") + ", adminPasswordFile=" + adminPasswordFile + "]";
	}
}
