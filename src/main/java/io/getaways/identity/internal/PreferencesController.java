package io.getaways.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.getaways.platform.DomainException;
import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in user's preferences: one free-form JSON object, replaced whole, bounded in
 * size and shape by {@link PreferencesRules}. They live in MongoDB; while it is
 * unreachable the answer is 503 and nothing else fails.
 */
@RestController
@Tag(name = "Me", description = "The signed-in user and their API keys")
class PreferencesController {

	private final PreferencesStore store;

	private final JsonMapper json;

	private final long maxBytes;

	PreferencesController(PreferencesStore store, JsonMapper json,
			@Value("${getaways.preferences.max-size:8KB}") DataSize maxSize) {
		this.store = store;
		this.json = json;
		this.maxBytes = maxSize.toBytes();
	}

	@GetMapping("/api/v1/me/preferences")
	@Operation(summary = "My preferences, {} when none are stored")
	Map<String, Object> preferences() {
		try {
			return store.find(CurrentUser.id());
		}
		catch (DataAccessException ex) {
			throw new PreferencesUnavailable();
		}
	}

	@PutMapping(path = "/api/v1/me/preferences", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace my preferences",
			description = "A JSON object of at most getaways.preferences.max-size (8 KB): keys are plain names, "
					+ "objects nest at most 5 levels, arrays hold at most 100 items, strings at most 1000 characters.")
	Map<String, Object> replace(@RequestBody String body) {
		if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			throw new PreferencesTooLarge(maxBytes);
		}
		Map<String, Object> preferences = parse(body);
		PreferencesRules.check(preferences);
		try {
			store.replace(CurrentUser.id(), preferences);
		}
		catch (DataAccessException ex) {
			throw new PreferencesUnavailable();
		}
		return preferences;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parse(String body) {
		Object parsed;
		try {
			parsed = json.readValue(body, Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidParameterException("preferences", "must be valid JSON");
		}
		if (!(parsed instanceof Map<?, ?> object)) {
			throw new InvalidParameterException("preferences", "must be a JSON object");
		}
		return (Map<String, Object>) object;
	}

	static class PreferencesTooLarge extends DomainException {

		PreferencesTooLarge(long maxBytes) {
			super(Kind.TOO_LARGE, "Preferences may hold at most " + maxBytes + " bytes");
		}

	}

	static class PreferencesUnavailable extends DomainException {

		PreferencesUnavailable() {
			super(Kind.UNAVAILABLE, "Preferences are unavailable right now; try again shortly");
		}

	}

}
