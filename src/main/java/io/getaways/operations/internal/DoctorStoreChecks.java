package io.getaways.operations.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.getaways.platform.StoreFailures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.bson.Document;

/**
 * Whether each store answers, and its version. Short timeouts: doctor is run when
 * something is wrong, and must not hang on a store that drops packets.
 */
final class DoctorStoreChecks {

	static final String POSTGRES = "postgresql";

	static final String MONGO = "mongodb";

	static final String REDIS = "redis";

	private DoctorStoreChecks() {
	}

	static Connection connect(String url, String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user == null ? "" : user);
		properties.setProperty("password", password == null ? "" : password);
		properties.setProperty("connectTimeout", "3");
		properties.setProperty("socketTimeout", "15");
		properties.setProperty("ApplicationName", "getaways-doctor");
		return DriverManager.getConnection(url, properties);
	}

	/**
	 * Logs in as the schema owner when its password is known, else as the pool's role.
	 */
	static DoctorFinding postgres(DoctorTargets.Postgres target) {
		String user = target.hasOwner() ? target.ownerUser() : target.appUser();
		String password = target.hasOwner() ? target.ownerPassword() : target.appPassword();
		try (Connection connection = connect(target.url(), user, password);
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
			row.next();
			String version = row.getString(1);
			if (row.getInt(2) < 150000) {
				return DoctorFinding.fail(POSTGRES,
						"PostgreSQL " + version + " at " + target.address() + " is too old: 15 or later is required");
			}
			return DoctorFinding.ok(POSTGRES, "PostgreSQL " + version + " at " + target.address() + " as " + user);
		}
		catch (SQLException ex) {
			return DoctorFinding.fail(POSTGRES, StoreFailures.describe("PostgreSQL", target.address(), user, ex));
		}
	}

	static DoctorFinding mongo(String uri, String database, boolean embedded) {
		ConnectionString connection = new ConnectionString(uri);
		String address = String.join(",", connection.getHosts());
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(connection)
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS))
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			String name = connection.getDatabase() != null ? connection.getDatabase() : database;
			String version = client.getDatabase(name).runCommand(new Document("buildInfo", 1)).getString("version");
			if (embedded) {
				return DoctorFinding.ok(MONGO,
						"embedded wire-protocol server at " + address + " (reports " + version + ")");
			}
			int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
			if (major < 6) {
				return DoctorFinding.fail(MONGO,
						"MongoDB " + version + " at " + address + " is too old: 6 or later is required");
			}
			return DoctorFinding.ok(MONGO, "MongoDB " + version + " at " + address);
		}
		catch (RuntimeException ex) {
			return DoctorFinding.fail(MONGO, StoreFailures.describe("MongoDB", address, connection.getUsername(), ex));
		}
	}

	static DoctorFinding redis(String url, boolean embedded) {
		String address = DoctorTargets.printable(url);
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(Duration.ofSeconds(3));
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			String info = connection.sync().info("server");
			String version = info.lines()
				.filter(line -> line.startsWith("redis_version:"))
				.map(line -> line.substring("redis_version:".length()).strip())
				.findFirst()
				.orElse("unknown");
			int major = version.matches("\\d+\\..*") ? Integer.parseInt(version.substring(0, version.indexOf('.'))) : 0;
			if (!embedded && major < 7) {
				return DoctorFinding.fail(REDIS,
						"Redis " + version + " at " + address + " is too old: 7 or later is required");
			}
			return DoctorFinding.ok(REDIS, (embedded ? "embedded " : "") + "Redis " + version + " at " + address);
		}
		catch (RuntimeException ex) {
			return DoctorFinding.fail(REDIS, StoreFailures.describe("Redis", address, "default", ex));
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
