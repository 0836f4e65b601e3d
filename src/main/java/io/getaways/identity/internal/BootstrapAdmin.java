package io.getaways.identity.internal;

import io.getaways.identity.EmailTakenException;
import io.getaways.identity.UserAccount;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the administrator that {@code getaways.bootstrap.admin-email} names, on a start
 * that finds no admin. Once any admin exists the setting is ignored, so leaving it in a
 * deployment is harmless; two instances starting together create it once, since the email
 * is unique.
 */
@Component
@EnableConfigurationProperties(BootstrapSettings.class)
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private static final String ANY_ADMIN = "SELECT EXISTS (SELECT 1 FROM app.user_roles WHERE role = 'admin')";

	private final BootstrapSettings settings;

	private final UserCreation creation;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	BootstrapAdmin(BootstrapSettings settings, UserCreation creation, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.settings = settings;
		this.creation = creation;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.wanted()) {
			return;
		}
		boolean adminExists = ActorContext.callAs(Operators.current("getaways.bootstrap"),
				() -> transactions.execute(status -> jdbc.sql(ANY_ADMIN).query(Boolean.class).single()));
		if (adminExists) {
			log.info("Bootstrap admin: an admin already exists; getaways.bootstrap.admin-email is ignored");
			return;
		}
		try {
			UserAccount admin = creation.create(settings.adminEmail(), settings.adminName(), settings.password(),
					"admin");
			log.info("Bootstrap admin: created {} ({})", admin.email(), admin.id());
		}
		catch (EmailTakenException ex) {
			log.info("Bootstrap admin: {} exists already (created by another instance, or as a non-admin account);"
					+ " nothing created", settings.adminEmail());
		}
	}

}
