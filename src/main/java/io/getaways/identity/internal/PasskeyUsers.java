package io.getaways.identity.internal;

import java.util.UUID;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * WebAuthn user entities without a table of their own: an account's user handle is its
 * id's 16 bytes (random, and no personal data, as WebAuthn asks), and the "username"
 * Spring Security looks entities up by is that id as text. A {@code user_entities} table
 * would only map one random id to another. Must run in a transaction acting as the user
 * for the name and email; before sign-in only the handle is known and needed.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final UserRepository users;

	PasskeyUsers(UserRepository users) {
		this.users = users;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		UUID userId = PasskeyCredentials.userId(id);
		return userId == null ? null : entity(userId, userId.toString(), userId.toString());
	}

	/** The entity of a signed-in account, named as its authenticator will show it. */
	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		UUID userId;
		try {
			userId = UUID.fromString(username);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return users.find(userId).map(user -> entity(userId, user.email(), user.name())).orElse(null);
	}

	/** Nothing to keep: the handle follows from the account. */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
	}

	@Override
	public void delete(Bytes id) {
	}

	private static PublicKeyCredentialUserEntity entity(UUID userId, String name, String displayName) {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(PasskeyCredentials.userHandle(userId))
			.name(name)
			.displayName(displayName)
			.build();
	}

}
