package io.getaways.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Binds a settings type from a few properties, as startup does, for tests of settings and
 * of what they configure.
 */
public final class TestSettings {

	private TestSettings() {
	}

	/**
	 * The settings given by {@code name=value} properties, defaults filled in; fails as
	 * startup would.
	 */
	public static <T> T bind(Class<T> type, String... properties) {
		return SettingsBinder.bind(binder(properties), type);
	}

	/** The lines startup reports for these properties; none when they are valid. */
	public static List<String> rejections(Class<?> type, String... properties) {
		try {
			bind(type, properties);
			return List.of();
		}
		catch (RuntimeException ex) {
			List<String> lines = InvalidSettings.lines(ex);
			if (lines.isEmpty()) {
				throw ex;
			}
			return lines;
		}
	}

	private static Binder binder(String... properties) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String property : properties) {
			int equals = property.indexOf('=');
			map.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return new Binder(new MapConfigurationPropertySource(map));
	}

}
