package io.getaways.identity.internal;

import java.time.Instant;

import io.getaways.identity.UserAccount;

record SessionResponse(String accessToken, String tokenType, Instant expiresAt, String refreshToken, UserAccount user) {

	static SessionResponse of(SignInService.Session session) {
		return new SessionResponse(session.accessToken().value(), "Bearer", session.accessToken().expiresAt(),
				session.refreshToken(), session.user());
	}
}
