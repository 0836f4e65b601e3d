package io.getaways.identity.internal;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's credential store for passkeys, on {@code system.passkeys} (the
 * columns of its {@code user_credentials} schema). Spring's JdbcUserCredentialRepository
 * cannot be used as it is: it reads any credential by id with plain SQL, which row-level
 * security rightly refuses before the user is known. So registration and listing run as
 * the signed-in user under RLS, and sign-in's two steps go through the owner's narrow
 * functions. Every method must run inside a transaction.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

	private static final String COLUMNS = """
			id, credential_id, user_id, label, public_key, signature_count, uv_initialized, backup_eligible,
			backup_state, transports, credential_type, attestation_object, attestation_client_data_json,
			created_at, last_used_at""";

	private final JdbcClient jdbc;

	PasskeyCredentials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Any user's credential: sign-in looks it up before anyone is known. */
	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM system.passkey_for_sign_in(:id)")
			.param("id", credentialId.getBytes())
			.query(PasskeyCredentials::record)
			.optional()
			.orElse(null);
	}

	/** The caller's own credentials (RLS shows no others). */
	@Override
	public List<CredentialRecord> findByUserId(Bytes userHandle) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM system.passkeys WHERE user_id = :user ORDER BY created_at")
			.param("user", userId(userHandle))
			.query(PasskeyCredentials::record)
			.list();
	}

	/**
	 * A new credential is inserted as its signed-in owner. One that exists is being used
	 * to sign in: only its counter, backup state and last use change, and only if the
	 * counter moved forward (Spring Security checks the counter against the one seen at
	 * registration only).
	 */
	@Override
	public void save(CredentialRecord record) {
		String outcome = jdbc.sql("SELECT system.record_passkey_use(:id, :count, :backupState)")
			.param("id", record.getCredentialId().getBytes())
			.param("count", record.getSignatureCount())
			.param("backupState", record.isBackupState())
			.query(String.class)
			.single();
		switch (outcome) {
			case "RECORDED" -> {
			}
			case "REGRESSED" -> throw new CounterRegressed(record.getSignatureCount());
			default -> insert(record);
		}
	}

	private void insert(CredentialRecord record) {
		jdbc.sql("""
				INSERT INTO system.passkeys (credential_id, user_id, label, public_key, signature_count, uv_initialized,
				  backup_eligible, backup_state, transports, credential_type, attestation_object,
				  attestation_client_data_json)
				VALUES (:credentialId, :user, :label, :publicKey, :count, :uv, :be, :bs, :transports, :type,
				  :attestationObject, :clientData)""")
			.param("credentialId", record.getCredentialId().getBytes())
			.param("user", userId(record.getUserEntityUserId()))
			.param("label", record.getLabel())
			.param("publicKey", record.getPublicKey().getBytes())
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("be", record.isBackupEligible())
			.param("bs", record.isBackupState())
			.param("transports",
					record.getTransports()
						.stream()
						.map(AuthenticatorTransport::getValue)
						.sorted()
						.toArray(String[]::new))
			.param("type", record.getCredentialType() == null ? "public-key" : record.getCredentialType().getValue())
			.param("attestationObject", record.getAttestationObject().getBytes())
			.param("clientData", record.getAttestationClientDataJSON().getBytes())
			.update();
	}

	@Override
	public void delete(Bytes credentialId) {
		jdbc.sql("DELETE FROM system.passkeys WHERE credential_id = :id").param("id", credentialId.getBytes()).update();
	}

	/** The caller's passkeys, oldest first, locked when a removal must count them. */
	List<Passkey> list(UUID userId, boolean lock) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM system.passkeys WHERE user_id = :user ORDER BY created_at, id"
					+ (lock ? " FOR UPDATE" : ""))
			.param("user", userId)
			.query(PasskeyCredentials::passkey)
			.list();
	}

	/** A passkey the caller has just registered, as the API shows it. */
	Passkey byCredentialId(Bytes credentialId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM system.passkeys WHERE credential_id = :id")
			.param("id", credentialId.getBytes())
			.query(PasskeyCredentials::passkey)
			.single();
	}

	boolean remove(UUID userId, UUID id) {
		return jdbc.sql("DELETE FROM system.passkeys WHERE id = :id AND user_id = :user")
			.param("id", id)
			.param("user", userId)
			.update() == 1;
	}

	/** Removes every passkey of the account; returns how many. */
	int removeAll(UUID userId) {
		return jdbc.sql("DELETE FROM system.passkeys WHERE user_id = :user").param("user", userId).update();
	}

	/** The WebAuthn user handle of an account: the 16 bytes of its id. */
	static Bytes userHandle(UUID userId) {
		ByteBuffer buffer = ByteBuffer.allocate(16);
		buffer.putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits());
		return new Bytes(buffer.array());
	}

	/** The account of a user handle, or null for one that is not ours. */
	static UUID userId(Bytes userHandle) {
		byte[] bytes = userHandle == null ? new byte[0] : userHandle.getBytes();
		if (bytes.length != 16) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return new UUID(buffer.getLong(), buffer.getLong());
	}

	private static CredentialRecord record(ResultSet row, int n) throws SQLException {
		Set<AuthenticatorTransport> transports = Arrays.stream((String[]) row.getArray("transports").getArray())
			.map(AuthenticatorTransport::valueOf)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Instant created = instant(row, "created_at");
		Instant lastUsed = instant(row, "last_used_at");
		return ImmutableCredentialRecord.builder()
			.credentialId(new Bytes(row.getBytes("credential_id")))
			.userEntityUserId(userHandle(row.getObject("user_id", UUID.class)))
			.label(row.getString("label"))
			.publicKey(new ImmutablePublicKeyCose(row.getBytes("public_key")))
			.signatureCount(row.getLong("signature_count"))
			.uvInitialized(row.getBoolean("uv_initialized"))
			.backupEligible(row.getBoolean("backup_eligible"))
			.backupState(row.getBoolean("backup_state"))
			.transports(transports)
			.credentialType(PublicKeyCredentialType.valueOf(row.getString("credential_type")))
			.attestationObject(new Bytes(row.getBytes("attestation_object")))
			.attestationClientDataJSON(new Bytes(row.getBytes("attestation_client_data_json")))
			.created(created)
			.lastUsed(lastUsed == null ? created : lastUsed)
			.build();
	}

	private static Passkey passkey(ResultSet row, int n) throws SQLException {
		return new Passkey(row.getObject("id", UUID.class), row.getString("label"), instant(row, "created_at"),
				instant(row, "last_used_at"), Arrays.asList((String[]) row.getArray("transports").getArray()));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** A passkey as its owner sees it. */
	record Passkey(UUID id, String label, Instant createdAt, Instant lastUsedAt, List<String> transports) {
	}

	/** An assertion whose signature counter did not move past the stored one. */
	static class CounterRegressed extends RuntimeException {

		CounterRegressed(long presented) {
			super("Signature counter " + presented + " did not move past the stored one");
		}

	}

}
