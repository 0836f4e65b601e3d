package io.getaways.catalog.internal.admin;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentAttributesTest {

	private final ContentAttributes.Validator validator = new ContentAttributes.Validator();

	@Test
	void plainWordsWithScalarsListsAndObjectsAreAccepted() {
		assertThat(valid(Map.of("difficulty", "easy", "level", 2, "rating", 4.5, "pets", true, "tags",
				List.of("a", "b"), "rooms", Map.of("double", 2, "twin", List.of(1, 2)))))
			.isTrue();
		assertThat(validator.isValid(null, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a.b", "$where", "_id", "1st", "with space", "version", "description", "amenities" })
	void keysMongoDbWouldReadAsPathsOperatorsOrNamedFieldsAreRefused(String key) {
		assertThat(valid(Map.of(key, 1))).isFalse();
	}

	@Test
	void nestedKeysAreCheckedToo() {
		assertThat(valid(Map.of("rooms", Map.of("a.b", 1)))).isFalse();
		assertThat(valid(Map.of("rooms", List.of(Map.of("$gt", ""))))).isFalse();
	}

	@Test
	void sizeAndDepthAreBounded() {
		assertThat(valid(Map.of("deep", Map.of("a", Map.of("b", Map.of("c", 1)))))).isTrue();
		assertThat(valid(Map.of("deep", Map.of("a", Map.of("b", Map.of("c", Map.of("d", 1))))))).isFalse();
		assertThat(valid(Map.of("text", "x".repeat(2001)))).isFalse();
		assertThat(valid(Map.of("huge", Double.POSITIVE_INFINITY))).isFalse();
		assertThat(valid(Map.of("big", new BigInteger("123456789012345678901234567890")))).isFalse();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private boolean valid(Map attributes) {
		return validator.isValid((Map<String, Object>) attributes, null);
	}

}
