package io.getaways.identity.internal;

import java.util.regex.Pattern;

import io.getaways.platform.InvalidParameterException;

/**
 * What every new account must satisfy, whichever door it comes through (the API, the
 * Travlr routes, an admin, the command line). Checked before hashing, so bad input costs
 * no hash and never reaches the table's constraints, where it would surface as a server
 * error.
 */
final class AccountRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final int MAX_EMAIL = 254;

	private static final int MAX_NAME = 100;

	private static final int MIN_PASSWORD = 8;

	private static final int MAX_PASSWORD = 128;

	private AccountRules() {
	}

	static void check(String email, String name, String password) {
		checkAccount(email, name);
		checkPassword("password", password);
	}

	static void checkAccount(String email, String name) {
		if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
			throw new InvalidParameterException("email",
					"must be an email address of at most " + MAX_EMAIL + " characters");
		}
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			throw new InvalidParameterException("name", "must be 1 to " + MAX_NAME + " characters");
		}
	}

	static void checkPassword(String field, String password) {
		if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
			throw new InvalidParameterException(field,
					"must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
		}
	}

}
