package io.getaways.identity.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access and erasure: a traveller downloads everything the service keeps about
 * them, or erases it once their trips are over; an admin does the same on a person's
 * behalf. Both are recorded in the audit log.
 */
@RestController
@Tag(name = "Personal data", description = "Export and erasure of a person's data")
class PersonalDataController {

	private final PersonalDataRequests requests;

	private final TokenDenyList denyList;

	PersonalDataController(PersonalDataRequests requests, TokenDenyList denyList) {
		this.requests = requests;
		this.denyList = denyList;
	}

	@GetMapping("/api/v1/me/export")
	@Operation(summary = "Everything the service keeps about me, as one JSON document")
	ResponseEntity<PersonalDataRequests.Export> exportMine() {
		return download(requests.export(CurrentUser.id()));
	}

	@PostMapping("/api/v1/me/erasure")
	@Operation(summary = "Erase my personal data once my trips are over; bookings and payments are kept without it")
	PersonalDataRequests.Erasure eraseMine(@AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody ErasureConfirmation confirmation) {
		PersonalDataRequests.Erasure erasure = requests.eraseOwn(CurrentUser.id(), confirmation.password());
		if (jwt != null && jwt.getId() != null) {
			denyList.deny(jwt.getId(), jwt.getExpiresAt());
		}
		return erasure;
	}

	@GetMapping("/api/v1/admin/users/{id}/export")
	@PreAuthorize("hasAuthority('users:manage')")
	@Operation(summary = "Everything the service keeps about a user, for a subject-access request")
	ResponseEntity<PersonalDataRequests.Export> export(@PathVariable UUID id) {
		return download(requests.export(id));
	}

	@PostMapping("/api/v1/admin/users/{id}/erasure")
	@PreAuthorize("hasAuthority('users:manage')")
	@Operation(summary = "Erase a user's personal data once their trips are over")
	PersonalDataRequests.Erasure erase(@PathVariable UUID id) {
		return requests.erase(id);
	}

	private static ResponseEntity<PersonalDataRequests.Export> download(PersonalDataRequests.Export export) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"getaways-personal-data-" + export.userId() + ".json\"")
			.body(export);
	}

	record ErasureConfirmation(@NotBlank @Size(max = 128) String password) {
	}

}
