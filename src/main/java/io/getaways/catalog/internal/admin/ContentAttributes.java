package io.getaways.catalog.internal.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Fields editors add to a content document. They become MongoDB field names, so a key
 * must be a plain word: a dot would address a nested field and a leading {@code $} an
 * operator. Named fields of the document cannot be shadowed, and size is bounded so one
 * document stays small.
 */
@Documented
@Constraint(validatedBy = ContentAttributes.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface ContentAttributes {

	String message() default "must hold at most 50 entries keyed by plain words, with values of text, 64-bit numbers, "
			+ "booleans, lists or objects nested at most 4 deep";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ContentAttributes, Map<String, Object>> {

		static final Set<String> RESERVED = Set.of("_id", "code", "version", "updatedAt", "description", "image",
				"images", "highlights", "amenities", "keywords");

		private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

		private static final int MAX_ENTRIES = 50;

		private static final int MAX_DEPTH = 4;

		private static final int MAX_TEXT = 2000;

		@Override
		public boolean isValid(Map<String, Object> attributes, ConstraintValidatorContext context) {
			if (attributes == null) {
				return true;
			}
			return attributes.keySet().stream().noneMatch(RESERVED::contains) && validObject(attributes, 1);
		}

		private static boolean validObject(Map<?, ?> object, int depth) {
			return object.size() <= MAX_ENTRIES && object.entrySet()
				.stream()
				.allMatch(entry -> entry.getKey() instanceof String key && KEY.matcher(key).matches()
						&& validValue(entry.getValue(), depth));
		}

		private static boolean validValue(Object value, int depth) {
			if (value == null || value instanceof Integer || value instanceof Long || value instanceof Boolean) {
				return true;
			}
			if (value instanceof Double number) {
				return Double.isFinite(number);
			}
			if (value instanceof String text) {
				return text.length() <= MAX_TEXT;
			}
			if (depth >= MAX_DEPTH) {
				return false;
			}
			if (value instanceof Collection<?> list) {
				return list.size() <= MAX_ENTRIES && list.stream().allMatch(item -> validValue(item, depth + 1));
			}
			return value instanceof Map<?, ?> object && validObject(object, depth + 1);
		}

	}

}
