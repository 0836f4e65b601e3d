package io.getaways.identity.internal;

import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Accounts, sign-in, token refresh and sign-out")
class AuthController {

	private final SignInService signIn;

	private final PasswordChanges passwords;

	AuthController(SignInService signIn, PasswordChanges passwords) {
		this.signIn = signIn;
		this.passwords = passwords;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a traveller account and sign in")
	SessionResponse register(@Valid @RequestBody AuthRequests.Register request) {
		signIn.register(request.email().trim(), request.name().trim(), request.password());
		return SessionResponse.of(signIn.signIn(request.email().trim(), request.password(), false));
	}

	@PostMapping("/login")
	@Operation(summary = "Sign in: a short-lived access token and a rotating refresh token",
			description = "Repeated failures for one account or address slow down (429 with Retry-After) and then lock.")
	SessionResponse login(@Valid @RequestBody AuthRequests.SignIn request) {
		return SessionResponse.of(signIn.signIn(request.email().trim(), request.password(), false));
	}

	@PostMapping("/password")
	@Operation(summary = "Change the password with the current one, and sign in",
			description = "Also how an account whose password an operator reset gets its first session."
					+ " Throttled as sign-in is; every other session of the account ends.")
	SessionResponse changePassword(@Valid @RequestBody AuthRequests.PasswordChange request) {
		return SessionResponse
			.of(passwords.changePassword(request.email().trim(), request.password(), request.newPassword()));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Exchange a refresh token for new tokens; a reused refresh token revokes its family")
	SessionResponse refresh(@Valid @RequestBody AuthRequests.Refresh request) {
		return SessionResponse.of(signIn.refresh(request.refreshToken()));
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke this access token and, if given, the refresh token's family")
	void logout(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody(required = false) AuthRequests.SignOut request) {
		if (jwt == null || jwt.getId() == null) {
			throw new InvalidParameterException("Authorization", "sign-out needs the bearer token to revoke");
		}
		signIn.signOut(UUID.fromString(jwt.getSubject()), jwt.getId(), jwt.getExpiresAt(),
				request == null ? null : request.refreshToken());
	}

}
