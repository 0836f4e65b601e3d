package io.getaways.operations.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.getaways.platform.config.TestSettings;
import io.getaways.support.TestStores;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.ApplicationContext;

/**
 * The test JVM's embedded PostgreSQL as its superuser, and settings for repositories of a
 * test's own.
 */
final class BackupTestSupport {

	private BackupTestSupport() {
	}

	static DataSource superuser(ApplicationContext context) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(TestStores.superuserUrl(context, "getaways"));
		dataSource.setUser("postgres");
		return dataSource;
	}

	static BackupSettings settings(Path repository, String key) {
		return TestSettings.bind(BackupSettings.class, "getaways.backup.repository=" + repository,
				"getaways.backup.key=" + (key == null ? "" : key), "getaways.backup.verify-after-schedule=false");
	}

	/**
	 * Ends the current WAL segment and waits until the archive holds it, so that
	 * everything before is archived.
	 */
	static void archiveCurrentSegment(DataSource superuser, WalArchive wal) throws SQLException {
		String segment;
		try (Connection connection = superuser.getConnection();
				Statement statement = connection.createStatement();
				var row = statement.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
			row.next();
			segment = row.getString(1);
		}
		wal.awaitArchived(segment, java.time.Duration.ofSeconds(60));
	}

}
