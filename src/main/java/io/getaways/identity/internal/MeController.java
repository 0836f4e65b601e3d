package io.getaways.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.getaways.identity.UserAccount;
import io.getaways.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in user and their API keys")
class MeController {

	private final UserRepository users;

	private final ApiKeys apiKeys;

	MeController(UserRepository users, ApiKeys apiKeys) {
		this.users = users;
		this.apiKeys = apiKeys;
	}

	@GetMapping
	@Transactional(readOnly = true)
	@Operation(summary = "The signed-in user")
	UserAccount me() {
		return users.find(CurrentUser.id()).orElseThrow(() -> new AccountGone());
	}

	@PostMapping("/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	@Operation(summary = "Create an API key; the key is shown in this answer only")
	ApiKeys.CreatedKey createKey(@Valid @RequestBody NewKey request) {
		return apiKeys.create(CurrentUser.id(), request.name().trim(), Set.copyOf(request.scopes()),
				request.expiresAt());
	}

	@GetMapping("/api-keys")
	@Transactional(readOnly = true)
	@Operation(summary = "My API keys, without their secrets")
	List<ApiKeys.ApiKeyView> keys() {
		return apiKeys.list(CurrentUser.id());
	}

	@DeleteMapping("/api-keys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	@Operation(summary = "Revoke one of my API keys")
	void revoke(@PathVariable UUID id) {
		if (!apiKeys.revoke(CurrentUser.id(), id)) {
			throw new KeyNotFound(id);
		}
	}

	record NewKey(@NotBlank @Size(max = 80) String name,
			@NotEmpty @Size(max = 20) List<@Pattern(regexp = "[a-z]+(:[a-z-]+)+") String> scopes,
			@Future Instant expiresAt) {
	}

	static class KeyNotFound extends DomainException {

		KeyNotFound(UUID id) {
			super(Kind.NOT_FOUND, "API key " + id + " not found or already revoked");
		}

	}

	static class AccountGone extends DomainException {

		AccountGone() {
			super(Kind.NOT_FOUND, "The signed-in account no longer exists");
		}

	}

}
