package io.getaways.identity;

/**
 * A Travlr user for a bulk import: email, name, and the PBKDF2-SHA512 salt and hash (hex)
 * kept until the first sign-in rehashes the password.
 */
public record ImportedTravlrUser(String email, String name, String salt, String hash) {

	@Override
	public String toString() {
		return "ImportedTravlrUser[" + email + "]";
	}

}
