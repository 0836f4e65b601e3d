package io.getaways.identity.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the /api/v1/auth endpoints. */
final class AuthRequests {

	private AuthRequests() {
	}

	record Register(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String name,
			@NotBlank @Size(min = 8, max = 128) String password) {
	}

	record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
	}

	record PasswordChange(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
			@NotBlank @Size(min = 8, max = 128) String newPassword) {
	}

	record Refresh(@NotBlank @Size(max = 100) String refreshToken) {
	}

	record SignOut(@Size(max = 100) String refreshToken) {
	}

}
