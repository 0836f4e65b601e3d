package io.getaways.support;

import io.getaways.platform.embedded.EmbeddedStores;
import org.springframework.context.ApplicationContext;

/**
 * Access to the servers under a running test context, in embedded and external mode
 * alike.
 */
public final class TestStores {

	private TestStores() {
	}

	/** The embedded stores of the context, or null when every store is external. */
	public static EmbeddedStores embedded(ApplicationContext context) {
		return context.containsBean("embeddedStores") ? context.getBean("embeddedStores", EmbeddedStores.class) : null;
	}

	/** A superuser JDBC URL for the given database on the server the context uses. */
	public static String superuserUrl(ApplicationContext context, String database) {
		String adminUrl = System.getProperty(ExternalTestStores.POSTGRES_ADMIN_URL, "");
		if (!adminUrl.isBlank()) {
			return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
		}
		return embedded(context).postgresSuperuserUrl(database);
	}

	/** A superuser JDBC URL for the database the context's application uses. */
	public static String superuserUrl(ApplicationContext context) {
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		return superuserUrl(context, url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", ""));
	}

	/** The superuser name for {@link #superuserUrl}. */
	public static String superuser() {
		return System.getProperty("getaways.test.external.postgres-admin-user", "postgres");
	}

	/** Whether this run uses the machine's servers (the external-stores profile). */
	public static boolean external() {
		return !System.getProperty(ExternalTestStores.POSTGRES_ADMIN_URL, "").isBlank();
	}

}
