package io.getaways.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: security", description = "Partner OAuth2 clients and token signing keys")
class AdminSecurityController {

	private final RegisteredClientRepository clients;

	private final UserRepository users;

	private final RolePermissions permissions;

	private final SigningKeys keys;

	private final SignInEvents events;

	AdminSecurityController(RegisteredClientRepository clients, UserRepository users, RolePermissions permissions,
			SigningKeys keys, SignInEvents events) {
		this.clients = clients;
		this.users = users;
		this.permissions = permissions;
		this.keys = keys;
		this.events = events;
	}

	@PostMapping("/oauth-clients")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	@Operation(summary = "Register a partner's OAuth2 client (client credentials); the secret is shown only here",
			description = "Scopes must be among the owner's permissions; tokens act for the owner.")
	PartnerClients.Registered registerClient(@Valid @RequestBody NewClient request) {
		var owner = users.find(request.ownerUserId())
			.orElseThrow(() -> new InvalidParameterException("ownerUserId", "no such user"));
		Set<String> allowed = permissions.of(owner.roles());
		request.scopes().stream().filter(scope -> !allowed.contains(scope)).findFirst().ifPresent(scope -> {
			throw new InvalidParameterException("scopes", "'" + scope + "' is not among the owner's permissions");
		});
		PartnerClients.Registered registered = PartnerClients.register(clients, owner.id(), request.name().trim(),
				Set.copyOf(request.scopes()), Duration.ofMinutes(request.tokenTtlMinutes()));
		events.record("OAUTH_CLIENT_CREATED", registered.clientId(),
				Map.of("owner", owner.id().toString(), "scopes", List.copyOf(registered.scopes())));
		return registered;
	}

	@PostMapping("/signing-keys/rotate")
	@Transactional
	@Operation(summary = "Sign new tokens with a new key; tokens signed by the old one stay valid until they expire")
	Map<String, String> rotateSigningKey() {
		String kid = keys.rotate();
		events.record("SIGNING_KEY_ROTATED", kid, Map.of());
		return Map.of("kid", kid);
	}

	record NewClient(@NotBlank @Size(max = 100) String name, @NotNull UUID ownerUserId,
			@NotEmpty @Size(max = 20) List<@Pattern(regexp = "[a-z]+(:[a-z-]+)+") String> scopes,
			@Min(1) @Max(1440) int tokenTtlMinutes) {
	}

}
