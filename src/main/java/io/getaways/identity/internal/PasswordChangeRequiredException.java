package io.getaways.identity.internal;

import io.getaways.platform.DomainException;

/**
 * The password was right, but an operator reset it: no session until the account's owner
 * sets a new one.
 */
class PasswordChangeRequiredException extends DomainException {

	PasswordChangeRequiredException() {
		super(Kind.FORBIDDEN, "Password change required: POST /api/v1/auth/password with email, password and"
				+ " newPassword to set a new one and sign in");
	}

}
