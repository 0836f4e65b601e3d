package io.getaways.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.getaways.platform.web.ApiProblemHandler.ParameterError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Names the field of a request body that could not be bound, from the path Jackson
 * records while it reads: nested fields joined with dots, list elements as
 * {@code [index]}, as in {@code travellers[2].birthDate}. Malformed JSON (a stream read
 * error, not a binding error) names no field.
 */
final class BodyFieldErrors {

	private BodyFieldErrors() {
	}

	static Optional<ParameterError> of(Throwable unreadable) {
		JacksonException jackson = jacksonCause(unreadable);
		if (!(jackson instanceof DatabindException)) {
			return Optional.empty();
		}
		String field = path(jackson);
		if (field.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new ParameterError(field, message(jackson)));
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String message(JacksonException ex) {
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + expected(mismatch.getTargetType());
		}
		return "has an invalid value";
	}

	private static String expected(Class<?> type) {
		if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
			return "a string";
		}
		if (type == int.class || type == long.class || type == short.class || type == byte.class
				|| type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == BigInteger.class) {
			return "a whole number";
		}
		if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)
				|| type == BigDecimal.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
		}
		if (type == LocalDate.class) {
			return "a date as YYYY-MM-DD";
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return "an ISO-8601 instant such as 2025-01-31T10:00:00Z";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		return "an object";
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

}
