package io.getaways.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log's protection: privileges for every role, triggers even for the owner, and no
 * reading without a grant.
 */
@IntegrationTest
class AuditAppendOnlyIT {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog auditLog;

	@Autowired
	DataSource pool;

	AuditDatabase database;

	long entryId;

	@BeforeEach
	void setUp() {
		database = new AuditDatabase(context);
		entryId = ActorContext.callAs(Actor.job("audit-it"),
				() -> auditLog.recordEvent("APPEND_ONLY_PROBE", "probe", Map.of()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "UPDATE audit.log SET actor = 'forged' WHERE id = %d",
			"DELETE FROM audit.log WHERE id = %d", "TRUNCATE audit.log", "UPDATE audit.chain SET prev_hash = NULL",
			"DELETE FROM audit.chain", "TRUNCATE audit.chain" })
	void theAdminRoleCannotChangeTheLog(String statement) {
		assertThatThrownBy(
				() -> database.as(Actor.Role.ADMIN, () -> database.jdbc().sql(statement.formatted(entryId)).update()))
			.satisfies(ex -> assertThat(sqlState(ex)).isEqualTo(INSUFFICIENT_PRIVILEGE));
		assertThat(database.newRow(entryId)).isEqualTo("{}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UPDATE", "DELETE", "TRUNCATE" })
	void triggersStopEvenTheOwnerWithThePrivilege(String operation) throws SQLException {
		String change = switch (operation) {
			case "UPDATE" -> "UPDATE audit.log SET actor = 'forged' WHERE id = " + entryId;
			case "DELETE" -> "DELETE FROM audit.log WHERE id = " + entryId;
			default -> "TRUNCATE audit.log, audit.chain";
		};
		try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
			owner.setAutoCommit(false);
			try {
				sql.execute("GRANT " + operation + " ON audit.log, audit.chain TO CURRENT_USER");
				assertThatThrownBy(() -> sql.execute(change))
					.hasMessageContaining("is append-only: " + operation + " rejected");
			}
			finally {
				owner.rollback();
			}
		}
		assertThat(database.newRow(entryId)).isEqualTo("{}");
	}

	@Test
	void thePoolsOwnRoleCannotReadTheLog() throws SQLException {
		try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
			assertThatThrownBy(() -> sql.executeQuery("SELECT count(*) FROM audit.log"))
				.satisfies(ex -> assertThat(sqlState(ex)).isEqualTo(INSUFFICIENT_PRIVILEGE));
		}
	}

	@ParameterizedTest
	@EnumSource(value = Actor.Role.class, names = { "CUSTOMER", "JOBS" })
	void applicationRolesCannotReadTheLog(Actor.Role role) {
		for (String table : new String[] { "audit.log", "audit.chain" }) {
			assertThatThrownBy(() -> database.as(role,
					() -> database.jdbc().sql("SELECT count(*) FROM " + table).query(Long.class).single()))
				.satisfies(ex -> assertThat(sqlState(ex)).isEqualTo(INSUFFICIENT_PRIVILEGE));
		}
	}

	@ParameterizedTest
	@EnumSource(value = Actor.Role.class, names = { "AUDITOR", "ADMIN" })
	void auditorsAndAdminsCanReadTheLog(Actor.Role role) {
		long entries = database.as(role,
				() -> database.jdbc()
					.sql("SELECT count(*) FROM audit.log WHERE id = ?")
					.param(entryId)
					.query(Long.class)
					.single());
		assertThat(entries).isEqualTo(1);
	}

	private static String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
