package io.getaways.identity.internal;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in events, role changes and key creation in the audit log: facts that are not row
 * changes.
 */
@Component
class SignInEvents {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SignInEvents(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Must run inside a transaction, whose actor context the entry records. */
	void record(String kind, String recordId, Map<String, Object> details) {
		jdbc.sql("SELECT audit.record_event(:kind, :recordId, cast(:details AS jsonb))")
			.param("kind", kind)
			.param("recordId", recordId)
			.param("details", json.writeValueAsString(details))
			.query((row, n) -> null)
			.list();
	}

}
