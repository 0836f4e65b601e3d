package support;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options as {@code --name value} or {@code --name=value}, and the harness's BENCH_* environment
 * variables. A value given but blank counts as not given: the scenarios pass {@code --postgres-pid ""} when the
 * embedded server's pid file is not there yet.
 */
public final class Options {

	private final Map<String, String> values;

	private Options(Map<String, String> values) {
		this.values = values;
	}

	public static Options parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Expected --name value but found " + args[i]);
			}
			String name = args[i].substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				values.put(name.substring(0, equals), name.substring(equals + 1));
			}
			else if (i + 1 < args.length) {
				values.put(name, args[++i]);
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
		}
		return new Options(values);
	}

	public String get(String name, String fallback) {
		String value = values.get(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** The value, or null when it was not given. */
	public String get(String name) {
		return get(name, null);
	}

	public String required(String name) {
		String value = get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	public int intValue(String name, int fallback) {
		String value = get(name);
		return value == null ? fallback : Integer.parseInt(value);
	}

	public long longValue(String name, long fallback) {
		String value = get(name);
		return value == null ? fallback : Long.parseLong(value);
	}

	public boolean booleanValue(String name) {
		return Boolean.parseBoolean(get(name, "false"));
	}

	/** An environment variable, or the fallback when it is unset or blank. */
	public static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** A whole number from the environment, at least {@code min}; anything else stops the run with the variable named. */
	public static int envInt(String name, int fallback, int min) {
		String value = env(name, null);
		if (value == null) {
			return fallback;
		}
		int parsed;
		try {
			parsed = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a whole number but was '" + value + "'");
		}
		if (parsed < min) {
			throw new IllegalArgumentException(name + " is out of range: " + parsed);
		}
		return parsed;
	}
}
