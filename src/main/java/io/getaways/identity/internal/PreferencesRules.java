package io.getaways.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.getaways.platform.InvalidParameterException;

/**
 * What a preferences document may hold: nested objects up to {@value #MAX_DEPTH} levels,
 * keys that are plain names (so no MongoDB operator such as {@code $set} and no dotted
 * path can be smuggled in), short strings and short arrays. The first violation is
 * answered with its path, such as {@code preferences.alerts[2]}.
 */
final class PreferencesRules {

	static final int MAX_DEPTH = 5;
	static final int MAX_ARRAY = 100;
	static final int MAX_STRING = 1000;

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

	private PreferencesRules() {
	}

	static void check(Map<String, Object> document) {
		checkObject("preferences", document, 1);
	}

	private static void checkObject(String path, Map<?, ?> object, int depth) {
		if (depth > MAX_DEPTH) {
			throw new InvalidParameterException(path, "nests deeper than " + MAX_DEPTH + " levels");
		}
		object.forEach((key, value) -> {
			String name = String.valueOf(key);
			if (!KEY.matcher(name).matches()) {
				throw new InvalidParameterException(path + "." + name,
						"keys must start with a letter and hold only letters, digits, '_' and '-', at most 64");
			}
			checkValue(path + "." + name, value, depth);
		});
	}

	private static void checkValue(String path, Object value, int depth) {
		if (value instanceof Map<?, ?> nested) {
			checkObject(path, nested, depth + 1);
		}
		else if (value instanceof List<?> list) {
			if (list.size() > MAX_ARRAY) {
				throw new InvalidParameterException(path, "holds more than " + MAX_ARRAY + " items");
			}
			for (int i = 0; i < list.size(); i++) {
				checkValue(path + "[" + i + "]", list.get(i), depth + 1);
			}
		}
		else if (value instanceof String text && text.length() > MAX_STRING) {
			throw new InvalidParameterException(path, "is longer than " + MAX_STRING + " characters");
		}
	}

}
