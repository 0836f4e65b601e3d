package io.getaways.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authorities of a verified token: a user token's roles become {@code ROLE_*} plus the
 * roles' permissions; a partner client's token carries its permissions as OAuth2 scopes.
 */
@Component
class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

	private final RolePermissions permissions;

	TokenAuthorities(RolePermissions permissions) {
		this.permissions = permissions;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase())));
		permissions.of(roles).forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
		scopes(jwt).forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope)));
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

	private static Collection<String> scopes(Jwt jwt) {
		Object scope = jwt.getClaims().get("scope");
		if (scope instanceof String text) {
			return Arrays.asList(text.split(" "));
		}
		if (scope instanceof Collection<?> list) {
			return list.stream().map(Object::toString).toList();
		}
		return List.of();
	}

}
