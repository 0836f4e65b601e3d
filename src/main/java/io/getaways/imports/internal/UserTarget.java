package io.getaways.imports.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.getaways.identity.Identity;
import io.getaways.identity.ImportedTravlrUser;
import io.getaways.platform.InvalidParameterException;

/**
 * Customer accounts through identity's API, keeping the source's PBKDF2 hash until the
 * first sign-in. Salt and hash are never part of a reason, a log line or the checksum.
 */
final class UserTarget implements BulkTarget<UserTarget.ImportedUser> {

	private static final Pattern SALT = Pattern.compile("^[0-9a-fA-F]{2,256}$");

	private static final Pattern HASH = Pattern.compile("^[0-9a-fA-F]{128}$");

	private final Identity identity;

	private final TargetContent content;

	UserTarget(Identity identity, TargetContent content) {
		this.content = content;
		this.identity = identity;
	}

	record ImportedUser(String email, String name, String salt, String hash) {

		@Override
		public String toString() {
			return "ImportedUser[" + email + "]";
		}

	}

	@Override
	public ImportedUser row(Map<String, Object> fields) {
		String email = ImportTarget.text(fields, "email", 254, true).toLowerCase(Locale.ROOT);
		String name = ImportTarget.text(fields, "name", 100, true);
		try {
			identity.checkAccount(email, name);
		}
		catch (InvalidParameterException ex) {
			throw new RowRejectedException(ex.parameter(),
					ex.getMessage().replaceFirst("^Invalid parameter '[^']*': ", ""));
		}
		String salt = fields.get("password_salt") == null ? "" : String.valueOf(fields.get("password_salt")).trim();
		String hash = fields.get("password_hash") == null ? "" : String.valueOf(fields.get("password_hash")).trim();
		if (!SALT.matcher(salt).matches()) {
			throw new RowRejectedException("password_salt", "must be hex text (Travlr's 16-byte salt)");
		}
		if (!HASH.matcher(hash).matches()) {
			throw new RowRejectedException("password_hash", "must be 128 hex digits (PBKDF2-SHA512, 64-byte key)");
		}
		return new ImportedUser(email, name, salt, hash);
	}

	@Override
	public String key(ImportedUser row) {
		return row.email();
	}

	@Override
	public boolean exists(ImportedUser row) {
		return identity.userExists(row.email());
	}

	@Override
	public void insert(ImportedUser row) {
		identity.importTravlrUser(row.email(), row.name(), row.salt(), row.hash());
	}

	@Override
	public Set<String> existing(List<ImportedUser> rows) {
		return identity.findUserIds(rows.stream().map(ImportedUser::email).toList()).keySet();
	}

	@Override
	public List<Outcome> insertAll(List<ImportedUser> rows) {
		Set<String> created = identity.importTravlrUsers(rows.stream()
			.map(row -> new ImportedTravlrUser(row.email(), row.name(), row.salt(), row.hash()))
			.toList());
		return rows.stream().map(row -> created.contains(row.email()) ? Outcome.INSERTED : Outcome.SKIPPED).toList();
	}

	@Override
	public String canonical(ImportedUser row) {
		return ImportTarget.joined(row.email(), row.name());
	}

	@Override
	public List<String> readBack(List<ImportedUser> rows) {
		Map<String, String[]> found = content.users(rows.stream().map(ImportedUser::email).toList());
		return rows.stream().map(row -> ImportTarget.joined(found.get(row.email()))).toList();
	}

	@Override
	public boolean readsBack() {
		return true;
	}

}
