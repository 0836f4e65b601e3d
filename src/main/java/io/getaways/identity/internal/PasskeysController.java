package io.getaways.identity.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys: the signed-in user registers, lists and removes theirs under /api/v1/me;
 * anyone signs in with one under /api/v1/auth. Each ceremony is two calls: options (with
 * a challenge id), then the authenticator's answer with that id.
 */
@RestController
@Tag(name = "Passkeys", description = "WebAuthn passkeys: registration, sign-in, listing and removal")
class PasskeysController {

	private final PasskeyService passkeys;

	PasskeysController(PasskeyService passkeys) {
		this.passkeys = passkeys;
	}

	@PostMapping("/api/v1/me/passkeys/options")
	@Operation(summary = "Options for navigator.credentials.create(), and the challenge id to send back")
	PasskeyService.Options registrationOptions() {
		return passkeys.registrationOptions(CurrentUser.id());
	}

	@PostMapping("/api/v1/me/passkeys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a passkey: the attestation answered to the options, and a label")
	PasskeyCredentials.Passkey register(@Valid @RequestBody Registration request) {
		return passkeys.register(CurrentUser.id(), request.challengeId(), request.credential(), request.label().trim());
	}

	@GetMapping("/api/v1/me/passkeys")
	@Transactional(readOnly = true)
	@Operation(summary = "My passkeys: label, created, last used")
	List<PasskeyCredentials.Passkey> list() {
		return passkeys.list(CurrentUser.id());
	}

	@DeleteMapping("/api/v1/me/passkeys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	@Operation(summary = "Remove one of my passkeys",
			description = "409 if it is the account's last way to sign in (no password and no other passkey).")
	void remove(@PathVariable UUID id) {
		passkeys.remove(CurrentUser.id(), id);
	}

	@PostMapping("/api/v1/auth/passkeys/options")
	@Operation(summary = "Options for navigator.credentials.get(), and the challenge id to send back")
	PasskeyService.Options signInOptions() {
		return passkeys.signInOptions();
	}

	@PostMapping("/api/v1/auth/passkeys")
	@Operation(summary = "Sign in with a passkey: the same tokens as password sign-in",
			description = "Throttled per client address as password sign-in is; every failure answers 401 alike.")
	SessionResponse signIn(@Valid @RequestBody Assertion request) {
		return SessionResponse.of(passkeys.signIn(request.challengeId(), request.credential()));
	}

	record Registration(@NotBlank @Size(max = 64) String challengeId, @NotNull JsonNode credential,
			@NotBlank @Size(max = 64) String label) {
	}

	record Assertion(@NotBlank @Size(max = 64) String challengeId, @NotNull JsonNode credential) {
	}

}
