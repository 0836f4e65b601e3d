package io.getaways.identity.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.getaways.identity.UserAccount;
import io.getaways.platform.InvalidParameterException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys and partners' OAuth clients as the admin console manages them, with the same
 * rules and sign-in events as {@code /api/v1/me/api-keys} and
 * {@code /api/v1/admin/oauth-clients}: scopes within the owner's permissions, secrets
 * shown once.
 */
@Service
class ApiAccessConsole {

	private static final String SCOPE = "[a-z]+(:[a-z-]+)+";

	private final ApiKeys keys;

	private final UserRepository users;

	private final RegisteredClientRepository clients;

	private final RolePermissions permissions;

	private final SignInEvents events;

	ApiAccessConsole(ApiKeys keys, UserRepository users, RegisteredClientRepository clients,
			RolePermissions permissions, SignInEvents events) {
		this.keys = keys;
		this.users = users;
		this.clients = clients;
		this.permissions = permissions;
		this.events = events;
	}

	record Owner(UserAccount account, List<ApiKeys.ApiKeyView> keys) {
	}

	@Transactional(readOnly = true)
	Optional<Owner> keysOf(String email) {
		return users.idOf(email).flatMap(users::find).map(owner -> new Owner(owner, keys.list(owner.id())));
	}

	/** A key for the signed-in admin, who acts as its owner. */
	@Transactional
	ApiKeys.CreatedKey createOwnKey(String name, String scopes) {
		return keys.create(CurrentUser.id(), name.strip(), scopes("scopes", scopes), null);
	}

	@Transactional
	boolean revokeKey(UUID owner, UUID keyId) {
		return keys.revoke(owner, keyId);
	}

	@Transactional
	PartnerClients.Registered registerClient(String name, String ownerEmail, String scopes, int ttlMinutes) {
		UserAccount owner = users.idOf(ownerEmail.strip())
			.flatMap(users::find)
			.orElseThrow(() -> new InvalidParameterException("ownerEmail", "no account has this email"));
		Set<String> wanted = scopes("clientScopes", scopes);
		Set<String> allowed = permissions.of(owner.roles());
		wanted.stream().filter(scope -> !allowed.contains(scope)).findFirst().ifPresent(scope -> {
			throw new InvalidParameterException("clientScopes", "'" + scope + "' is not among the owner's permissions");
		});
		PartnerClients.Registered registered = PartnerClients.register(clients, owner.id(), name.strip(), wanted,
				Duration.ofMinutes(ttlMinutes));
		events.record("OAUTH_CLIENT_CREATED", registered.clientId(),
				Map.of("owner", owner.id().toString(), "scopes", List.copyOf(registered.scopes())));
		return registered;
	}

	/** Scopes separated by spaces or commas, each shaped like {@code catalog:read}. */
	static Set<String> scopes(String field, String text) {
		Set<String> scopes = Arrays.stream(text == null ? new String[0] : text.split("[\\s,]+"))
			.filter(scope -> !scope.isBlank())
			.collect(Collectors.toCollection(TreeSet::new));
		if (scopes.isEmpty()) {
			throw new InvalidParameterException(field, "must name at least one permission, such as catalog:read");
		}
		scopes.stream().filter(scope -> !scope.matches(SCOPE)).findFirst().ifPresent(scope -> {
			throw new InvalidParameterException(field, "'" + scope + "' is not a permission such as catalog:read");
		});
		return scopes;
	}

}
