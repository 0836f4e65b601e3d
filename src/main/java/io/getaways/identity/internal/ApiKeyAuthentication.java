package io.getaways.identity.internal;

import java.util.Collection;
import java.util.UUID;

import io.getaways.platform.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A caller authenticated by an API key: its owner's id and database role, and the key's
 * scopes as authorities.
 */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final UUID keyId;

	private final UUID userId;

	private final Actor.Role databaseRole;

	ApiKeyAuthentication(UUID keyId, UUID userId, Actor.Role databaseRole,
			Collection<? extends GrantedAuthority> scopes) {
		super(scopes);
		this.keyId = keyId;
		this.userId = userId;
		this.databaseRole = databaseRole;
		setAuthenticated(true);
	}

	/**
	 * The owner's database role; the scopes, not the role, limit what the key may call.
	 */
	Actor.Role databaseRole() {
		return databaseRole;
	}

	UUID keyId() {
		return keyId;
	}

	UUID userId() {
		return userId;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return userId;
	}

}
