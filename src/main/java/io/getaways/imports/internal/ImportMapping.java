package io.getaways.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What to read and where it goes (docs/imports.md, "Mapping format"): per entity a source
 * table or collection, a target entity, the source column holding the natural key, and
 * for every target field the column it comes from, a conversion and a default.
 *
 * @param text the mapping as read, so that a resumed import can tell it is the same one
 */
record ImportMapping(List<EntityMapping> entities, String text) {

	static final Set<String> TARGETS = Set.of("users", "trips", "bookings", "stays", "stay_bookings", "payments",
			"reviews");

	record EntityMapping(String source, String target, String key, Map<String, FieldMapping> fields) {
	}

	/**
	 * @param from the source column or document field; null when only a default applies
	 * @param convert the conversion's name (see {@link Conversions})
	 * @param format the conversion's pattern, such as a date format
	 * @param defaultValue used when the source value is missing or empty
	 */
	record FieldMapping(String from, String convert, String format, Object defaultValue) {
	}

	static ImportMapping load(Path file) {
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
		}
		catch (IOException ex) {
			throw new MappingException("mapping " + file + " cannot be read: " + ex.getMessage());
		}
	}

	static ImportMapping builtIn(String resource) {
		try (InputStream in = ImportMapping.class.getResourceAsStream("/io/getaways/imports/" + resource)) {
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
		}
		catch (IOException ex) {
			throw new IllegalStateException("built-in mapping " + resource + " is missing", ex);
		}
	}

	static ImportMapping parse(String text, String name) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		if (!(root instanceof Map<?, ?> top) || !(top.get("entities") instanceof List<?> list) || list.isEmpty()) {
			throw new MappingException("mapping " + name + " needs a non-empty 'entities' list");
		}
		List<EntityMapping> entities = new ArrayList<>();
		for (Object item : list) {
			entities.add(entity(item, name));
		}
		return new ImportMapping(List.copyOf(entities), text);
	}

	/** A digest of the mapping's text, part of what identifies a run for --resume. */
	String digest() {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EntityMapping entity(Object item, String name) {
		if (!(item instanceof Map<?, ?> map)) {
			throw new MappingException("mapping " + name + ": every entity is a map");
		}
		String source = text(map, "source", name);
		String target = text(map, "target", name);
		if (!TARGETS.contains(target)) {
			throw new MappingException("mapping " + name + ": target '" + target + "' is not one of " + TARGETS);
		}
		Map<String, FieldMapping> fields = new LinkedHashMap<>();
		if (map.get("fields") instanceof Map<?, ?> given) {
			given.forEach((field, spec) -> fields.put(String.valueOf(field), field(spec)));
		}
		if (map.get("defaults") instanceof Map<?, ?> defaults) {
			defaults.forEach(
					(field, value) -> fields.merge(String.valueOf(field), new FieldMapping(null, null, null, value),
							(old, add) -> new FieldMapping(old.from(), old.convert(), old.format(), value)));
		}
		String key = map.get("key") == null ? null : String.valueOf(map.get("key"));
		if (key == null) {
			throw new MappingException("mapping " + name + ": entity '" + source + "' needs 'key', its natural key");
		}
		for (FieldMapping field : fields.values()) {
			Conversions.check(field.convert(), name);
		}
		return new EntityMapping(source, target, key, Map.copyOf(fields));
	}

	private static FieldMapping field(Object spec) {
		if (spec instanceof Map<?, ?> map) {
			return new FieldMapping(string(map.get("from")), string(map.get("convert")), string(map.get("format")),
					map.get("default"));
		}
		return new FieldMapping(String.valueOf(spec), null, null, null);
	}

	private static String text(Map<?, ?> map, String field, String name) {
		Object value = map.get(field);
		if (value == null || String.valueOf(value).isBlank()) {
			throw new MappingException("mapping " + name + ": every entity needs '" + field + "'");
		}
		return String.valueOf(value);
	}

	private static String string(Object value) {
		return value == null ? null : String.valueOf(value);
	}

	/** A mapping that cannot work; the command fails with its message. */
	static class MappingException extends RuntimeException {

		MappingException(String message) {
			super(message);
		}

	}

}
