package io.getaways.identity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import tools.jackson.databind.JsonNode;

/**
 * A passkey authenticator in software: an EC P-256 key pair per credential, the
 * authenticator data and client data a browser and authenticator would produce, a CBOR
 * attestation object of format "none", and assertions signed with SHA256withECDSA. Only
 * the CBOR encoding is borrowed (webauthn4j's converter); every byte of the authenticator
 * data is laid out here, so the server's verification is tested against the format, not
 * against itself.
 */
final class SoftwareAuthenticator {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ObjectConverter CBOR = new ObjectConverter();

	private static final int USER_PRESENT = 0x01;

	private static final int USER_VERIFIED = 0x04;

	private static final int ATTESTED_CREDENTIAL_DATA = 0x40;

	private final String origin;

	SoftwareAuthenticator(String origin) {
		this.origin = origin;
	}

	/** A credential this authenticator made: its id, key pair and the user it is for. */
	record Credential(byte[] id, KeyPair keys, String userHandle, String rpId) {

		String idText() {
			return b64(id);
		}

	}

	/** A new credential for the creation options, and the attestation answering them. */
	Attestation create(JsonNode options) {
		String rpId = options.path("rp").path("id").asString();
		byte[] id = new byte[32];
		RANDOM.nextBytes(id);
		Credential credential = new Credential(id, newKeyPair(), options.path("user").path("id").asString(), rpId);
		byte[] cose = CBOR.getCborConverter()
			.writeValueAsBytes(
					EC2COSEKey.create((ECPublicKey) credential.keys().getPublic(), COSEAlgorithmIdentifier.ES256));
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
		authData.write(USER_PRESENT | USER_VERIFIED | ATTESTED_CREDENTIAL_DATA);
		authData.writeBytes(ByteBuffer.allocate(4).putInt(0).array());
		authData.writeBytes(new byte[16]); // AAGUID: none, as "none" attestation allows
		authData.writeBytes(ByteBuffer.allocate(2).putShort((short) id.length).array());
		authData.writeBytes(id);
		authData.writeBytes(cose);
		Map<String, Object> attestationObject = new LinkedHashMap<>();
		attestationObject.put("fmt", "none");
		attestationObject.put("attStmt", Map.of());
		attestationObject.put("authData", authData.toByteArray());
		byte[] clientData = clientData("webauthn.create", options.path("challenge").asString());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", b64(clientData));
		response.put("attestationObject", b64(CBOR.getCborConverter().writeValueAsBytes(attestationObject)));
		response.put("transports", List.of("internal"));
		return new Attestation(credential, publicKeyCredential(id, response));
	}

	record Attestation(Credential credential, Map<String, Object> json) {
	}

	/** An assertion of the credential for the request options, with this counter. */
	Map<String, Object> get(Credential credential, JsonNode options, long counter) {
		return get(credential, options.path("challenge").asString(), counter, credential.keys().getPrivate());
	}

	/** As {@link #get}, signed with whatever key is given. */
	Map<String, Object> get(Credential credential, String challenge, long counter, PrivateKey signingKey) {
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.writeBytes(sha256(credential.rpId().getBytes(StandardCharsets.UTF_8)));
		authData.write(USER_PRESENT | USER_VERIFIED);
		authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
		byte[] authenticatorData = authData.toByteArray();
		byte[] clientData = clientData("webauthn.get", challenge);
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(signingKey);
			signer.update(authenticatorData);
			signer.update(sha256(clientData));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", b64(authenticatorData));
		response.put("clientDataJSON", b64(clientData));
		response.put("signature", b64(signature));
		response.put("userHandle", credential.userHandle());
		return publicKeyCredential(credential.id(), response);
	}

	static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] clientData(String type, String challenge) {
		String json = "{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, Object> publicKeyCredential(byte[] id, Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", b64(id));
		credential.put("rawId", b64(id));
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return credential;
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
