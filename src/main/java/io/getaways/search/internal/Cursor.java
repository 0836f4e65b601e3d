package io.getaways.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import io.getaways.platform.InvalidParameterException;

/**
 * Where the next page starts: the last hit's sort key, kind and code, under the sort it
 * was taken with. Opaque to clients (URL-safe Base64); anything that does not decode to
 * exactly this is refused as {@code cursor}, so it never reaches SQL unchecked.
 */
record Cursor(SearchSort sort, String key, String kind, String code) {

	private static final Pattern KEY = Pattern.compile("-?(Infinity|\\d+(\\.\\d+)?([eE][-+]?\\d+)?)");

	private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,20}");

	private static final Pattern KIND = Pattern.compile("trip|stay");

	String encode() {
		String text = String.join("\n", sort.label(), key, kind, code);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String token, SearchSort expected) {
		if (token == null) {
			return null;
		}
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("is not a cursor this API gave out");
		}
		if (parts.length != 4 || !KEY.matcher(parts[1]).matches() || !KIND.matcher(parts[2]).matches()
				|| !CODE.matcher(parts[3]).matches()) {
			throw invalid("is not a cursor this API gave out");
		}
		if (!parts[0].equals(expected.label())) {
			throw invalid("was given out for sort=" + parts[0] + ", not sort=" + expected.label());
		}
		return new Cursor(expected, parts[1], parts[2], parts[3]);
	}

	private static InvalidParameterException invalid(String reason) {
		return new InvalidParameterException("cursor", reason);
	}

}
