package io.getaways.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.webauthn4j.util.exception.WebAuthnException;
import io.getaways.identity.UserAccount;
import io.getaways.platform.DomainException;
import io.getaways.platform.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkey ceremonies over the token API. Spring Security's relying party makes the
 * options and verifies the answers (through webauthn4j); this class keeps each challenge
 * server-side under an id, so that the answer is checked against the options issued with
 * it, once.
 */
@Service
class PasskeyService {

	private static final Logger log = LoggerFactory.getLogger(PasskeyService.class);

	private final PasskeyRelyingParty relyingParty;

	private final PasskeyCredentials credentials;

	private final PasskeyUsers users;

	private final UserRepository accounts;

	private final PasskeyChallenges challenges;

	private final PasskeySettings settings;

	private final SignInEvents events;

	private final SignInService signIn;

	private final TransactionTemplate transactions;

	private final JsonMapper webauthnJson = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	PasskeyService(PasskeyRelyingParty relyingParty, PasskeyCredentials credentials, PasskeyUsers users,
			UserRepository accounts, PasskeyChallenges challenges, PasskeySettings settings, SignInEvents events,
			SignInService signIn, TransactionTemplate transactions) {
		this.relyingParty = relyingParty;
		this.credentials = credentials;
		this.users = users;
		this.accounts = accounts;
		this.challenges = challenges;
		this.settings = settings;
		this.events = events;
		this.signIn = signIn;
		this.transactions = transactions;
	}

	/** Creation options for the signed-in user; must run as that user. */
	Options registrationOptions(UUID userId) {
		PublicKeyCredentialCreationOptions options = transactions.execute(status -> relyingParty.operations()
			.createPublicKeyCredentialCreationOptions(
					new ImmutablePublicKeyCredentialCreationOptionsRequest(UsernamePasswordAuthenticationToken
						.authenticated(userId.toString(), null, AuthorityUtils.NO_AUTHORITIES))));
		String id = challenges.keep(PasskeyChallenges.Purpose.REGISTRATION, userId, options.getChallenge());
		return new Options(id, webauthnJson.valueToTree(options));
	}

	/**
	 * Verifies the attestation against the challenge issued to this user, and keeps it.
	 */
	PasskeyCredentials.Passkey register(UUID userId, String challengeId, JsonNode credential, String label) {
		PublicKeyCredential<AuthenticatorAttestationResponse> parsed = parse(credential,
				AuthenticatorAttestationResponse.class, "attestationObject");
		PasskeyChallenges.Issued issued = challenges.take(PasskeyChallenges.Purpose.REGISTRATION, challengeId)
			.filter(found -> userId.equals(found.userId()))
			.orElseThrow(() -> new InvalidParameterException("challengeId",
					"is unknown, expired or already used: ask for new options"));
		return transactions.execute(status -> {
			CredentialRecord record;
			try {
				record = relyingParty.operations()
					.registerCredential(new ImmutableRelyingPartyRegistrationRequest(
							creationOptions(userId, issued.challenge()), new RelyingPartyPublicKey(parsed, label)));
			}
			catch (WebAuthnException | IllegalArgumentException | DuplicateKeyException ex) {
				throw new InvalidParameterException("credential", "was not accepted: " + reason(ex));
			}
			PasskeyCredentials.Passkey passkey = credentials.byCredentialId(record.getCredentialId());
			events.record("PASSKEY_REGISTERED", userId.toString(),
					Map.of("passkey", passkey.id().toString(), "label", label));
			return passkey;
		});
	}

	/** Must run as the user. */
	List<PasskeyCredentials.Passkey> list(UUID userId) {
		return credentials.list(userId, false);
	}

	/**
	 * Removes one of the user's passkeys, unless it is their last way to sign in: an
	 * account without a password keeps its last passkey. Must run in a transaction as the
	 * user; the user's passkeys stay locked until it ends, so two removals cannot each
	 * leave the other's passkey as the last one.
	 */
	void remove(UUID userId, UUID id) {
		List<PasskeyCredentials.Passkey> mine = credentials.list(userId, true);
		if (mine.stream().noneMatch(passkey -> passkey.id().equals(id))) {
			throw new PasskeyNotFound(id);
		}
		if (mine.size() == 1 && !accounts.hasPassword(userId)) {
			throw new LastSignInMethod(id);
		}
		credentials.remove(userId, id);
		events.record("PASSKEY_REMOVED", userId.toString(), Map.of("passkey", id.toString()));
	}

	/**
	 * Request options for a sign-in by a discoverable passkey: no account named, so none
	 * is revealed.
	 */
	Options signInOptions() {
		PublicKeyCredentialRequestOptions options = relyingParty.operations()
			.createCredentialRequestOptions(
					new ImmutablePublicKeyCredentialRequestOptionsRequest(new AnonymousAuthenticationToken("passkey",
							"anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));
		String id = challenges.keep(PasskeyChallenges.Purpose.SIGN_IN, null, options.getChallenge());
		return new Options(id, webauthnJson.valueToTree(options));
	}

	SignInService.Session signIn(String challengeId, JsonNode credential) {
		return signIn.signInWithPasskey(verification(challengeId, credential));
	}

	/** As {@link #signIn}, for a browser session: the account, no tokens. */
	UserAccount signInBrowser(String challengeId, JsonNode credential) {
		return signIn.signInBrowserWithPasskey(verification(challengeId, credential));
	}

	/**
	 * The step that verifies the assertion against the challenge issued for it, and names
	 * the account it proves; the sign-in service runs it inside its throttling.
	 */
	private java.util.function.Supplier<UUID> verification(String challengeId, JsonNode credential) {
		PublicKeyCredential<AuthenticatorAssertionResponse> parsed = parse(credential,
				AuthenticatorAssertionResponse.class, "authenticatorData", "signature");
		return () -> {
			PasskeyChallenges.Issued issued = challenges.take(PasskeyChallenges.Purpose.SIGN_IN, challengeId)
				.orElseThrow(() -> new SignInService.PasskeyRejected("challenge unknown, expired or already used"));
			try {
				PublicKeyCredentialUserEntity user = transactions.execute(status -> relyingParty.operations()
					.authenticate(new RelyingPartyAuthenticationRequest(requestOptions(issued.challenge()), parsed)));
				UUID userId = PasskeyCredentials.userId(user.getId());
				if (userId == null) {
					throw new SignInService.PasskeyRejected("user handle is not an account");
				}
				return userId;
			}
			catch (WebAuthnException | IllegalArgumentException | PasskeyCredentials.CounterRegressed ex) {
				throw new SignInService.PasskeyRejected(reason(ex));
			}
		};
	}

	/**
	 * The options that were issued with this challenge, as far as verification reads
	 * them: the relying party, the user, the algorithms and the user-verification
	 * requirement.
	 */
	private PublicKeyCredentialCreationOptions creationOptions(UUID userId, Bytes challenge) {
		PublicKeyCredentialUserEntity user = users.findByUsername(userId.toString());
		return PublicKeyCredentialCreationOptions.builder()
			.rp(rp())
			.user(user)
			.challenge(challenge)
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.PREFERRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build())
			.timeout(settings.challengeTtl())
			.build();
	}

	private PublicKeyCredentialRequestOptions requestOptions(Bytes challenge) {
		return PublicKeyCredentialRequestOptions.builder()
			.challenge(challenge)
			.rpId(settings.rpId())
			.timeout(settings.challengeTtl())
			.userVerification(UserVerificationRequirement.PREFERRED)
			.build();
	}

	private PublicKeyCredentialRpEntity rp() {
		return PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(settings.rpName()).build();
	}

	/**
	 * The credential as Spring Security reads it, once the members every ceremony needs
	 * are there (each missing one is named, rather than left to fail deep in
	 * verification).
	 */
	private <R extends AuthenticatorResponse> PublicKeyCredential<R> parse(JsonNode credential, Class<R> responseType,
			String... responseMembers) {
		if (credential == null || !credential.isObject()) {
			throw new InvalidParameterException("credential", "must be the PublicKeyCredential as JSON");
		}
		requireText(credential, "rawId", "credential.rawId");
		if (!credential.path("response").isObject()) {
			throw new InvalidParameterException("credential.response", "is required");
		}
		requireText(credential.path("response"), "clientDataJSON", "credential.response.clientDataJSON");
		for (String member : responseMembers) {
			requireText(credential.path("response"), member, "credential.response." + member);
		}
		JavaType type = webauthnJson.getTypeFactory().constructParametricType(PublicKeyCredential.class, responseType);
		try {
			return webauthnJson.treeToValue(credential, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			reason(ex);
			throw new InvalidParameterException("credential",
					"is not a PublicKeyCredential (binary members in unpadded base64url)");
		}
	}

	private static void requireText(JsonNode node, String member, String field) {
		JsonNode value = node.path(member);
		if (!value.isString() || value.asString().isEmpty()) {
			throw new InvalidParameterException(field, "is required, in unpadded base64url");
		}
	}

	private static String reason(Exception ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		log.debug("Passkey rejected", ex);
		return message.length() > 200 ? message.substring(0, 200) : message;
	}

	/**
	 * Options to hand to navigator.credentials, and the id to send back with the answer.
	 */
	record Options(String challengeId, JsonNode publicKey) {
	}

	static class PasskeyNotFound extends DomainException {

		PasskeyNotFound(UUID id) {
			super(Kind.NOT_FOUND, "Passkey " + id + " not found");
		}

	}

	static class LastSignInMethod extends DomainException {

		LastSignInMethod(UUID id) {
			super(Kind.CONFLICT, "Passkey " + id + " is the account's last way to sign in (it has no password)");
		}

	}

}
