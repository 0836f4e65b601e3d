package io.getaways.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' OAuth clients as admins see them, and their revocation. The authorization
 * server's client store can neither list nor delete, so this reads and deletes its table
 * directly. A revoked client gets no new token; tokens it already holds are signed JWTs
 * that lapse within the lifetime it was registered with.
 */
@Component
class PartnerClientList {

	static final int LIMIT = 100;

	private static final Pattern OWNER = Pattern
		.compile("\"" + Pattern.quote(PartnerClients.OWNER_SETTING) + "\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final String LIST = """
			SELECT client_id, client_name, scopes, client_id_issued_at, client_settings
			FROM system.oauth2_registered_client
			ORDER BY client_id_issued_at DESC, client_id
			LIMIT :limit""";

	private final JdbcClient jdbc;

	private final SignInEvents events;

	PartnerClientList(JdbcClient jdbc, SignInEvents events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A registered client: who owns it, what it may do, since when. */
	record Client(String clientId, String name, List<String> scopes, String ownerUserId, Instant registeredAt) {
	}

	@Transactional(readOnly = true)
	List<Client> newest() {
		return jdbc.sql(LIST).param("limit", LIMIT).query((row, n) -> {
			Matcher owner = OWNER.matcher(row.getString("client_settings"));
			return new Client(row.getString("client_id"), row.getString("client_name"),
					Arrays.stream(row.getString("scopes").split(",")).map(String::strip).sorted().toList(),
					owner.find() ? owner.group(1) : null,
					row.getObject("client_id_issued_at", OffsetDateTime.class).toInstant());
		}).list();
	}

	/** False when no client has this id. */
	@Transactional
	boolean revoke(String clientId) {
		boolean removed = jdbc.sql("DELETE FROM system.oauth2_registered_client WHERE client_id = :clientId")
			.param("clientId", clientId)
			.update() > 0;
		if (removed) {
			events.record("OAUTH_CLIENT_REVOKED", clientId, Map.of());
		}
		return removed;
	}

}
