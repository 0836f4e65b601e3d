package io.getaways.platform.db;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * Applies, rolls back and inspects the versioned changesets, always connected as the
 * schema owner, never as the pool's role. After every change it gives the login roles
 * their configured passwords.
 */
public class DatabaseMigrator {

	public static final String CHANGELOG = "db/changelog/changelog.xml";

	private static final Logger log = LoggerFactory.getLogger(DatabaseMigrator.class);

	private final String url;

	private final DatabaseSettings settings;

	private final String appPassword;

	public DatabaseMigrator(String url, DatabaseSettings settings, String appPassword) {
		this.url = url;
		this.settings = settings;
		this.appPassword = appPassword;
	}

	public static DatabaseMigrator of(DataSourceProperties dataSource, DatabaseSettings settings) {
		return new DatabaseMigrator(dataSource.determineUrl(), settings, dataSource.determinePassword());
	}

	/** Applies every pending changeset; returns how many ran. */
	public int update() {
		return withLiquibase(liquibase -> {
			int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
			liquibase.update(new Contexts(), new LabelExpression());
			log.info("Migrations: {} changeset(s) applied", pending);
			return pending;
		}, true);
	}

	/** Rolls back the most recently applied changesets, newest first. */
	public int rollback(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("--count must be 1 or more but was " + count);
		}
		return withLiquibase(liquibase -> {
			int applied = liquibase.getDatabase().getRanChangeSetList().size();
			int undo = Math.min(count, applied);
			if (undo > 0) {
				liquibase.rollback(undo, (String) null);
			}
			log.info("Migrations: {} changeset(s) rolled back", undo);
			return undo;
		}, false);
	}

	public MigrationStatus status() {
		return withLiquibase(liquibase -> {
			List<RanChangeSet> applied = liquibase.getDatabase().getRanChangeSetList();
			List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
			return new MigrationStatus(applied.stream().map(ran -> ran.getChangeLog() + "::" + ran.getId()).toList(),
					pending.stream().map(set -> set.getFilePath() + "::" + set.getId()).toList());
		}, false);
	}

	/**
	 * Checks the changelog and the checksums of applied changesets; throws naming what is
	 * wrong.
	 */
	public void validate() {
		withLiquibase(liquibase -> {
			liquibase.validate();
			return null;
		}, false);
	}

	/** SQL that {@link #update()} would run, for review before a production change. */
	public String pendingSql() {
		return withLiquibase(liquibase -> {
			StringWriter out = new StringWriter();
			liquibase.update(new Contexts(), new LabelExpression(), out);
			return out.toString();
		}, false);
	}

	private <T> T withLiquibase(LiquibaseWork<T> work, boolean applyPasswords) {
		try (Connection connection = DriverManager.getConnection(url, settings.ownerUsername(),
				settings.owner().password())) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
				settings.roles().changelogParameters().forEach(liquibase::setChangeLogParameter);
				T result = work.run(liquibase);
				if (applyPasswords) {
					new LoginRoles(settings, appPassword).apply(connection);
				}
				return result;
			}
		}
		catch (SQLException ex) {
			throw new MigrationFailedException(
					"Cannot connect to " + url + " as " + settings.ownerUsername() + ": " + ex.getMessage(), ex);
		}
		catch (LiquibaseException ex) {
			throw new MigrationFailedException(ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new MigrationFailedException(ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface LiquibaseWork<T> {

		T run(Liquibase liquibase) throws Exception;

	}

	public record MigrationStatus(List<String> applied, List<String> pending) {
	}

}
