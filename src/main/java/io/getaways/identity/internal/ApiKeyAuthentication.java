package io.getaways.identity.internal;

import java.util.Collection;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A caller authenticated by an API key: its owner's id and the key's scopes as authorities. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final UUID keyId;
	private final UUID userId;

	ApiKeyAuthentication(UUID keyId, UUID userId, Collection<? extends GrantedAuthority> scopes) {
		super(scopes);
		this.keyId = keyId;
		this.userId = userId;
		setAuthenticated(true);
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
