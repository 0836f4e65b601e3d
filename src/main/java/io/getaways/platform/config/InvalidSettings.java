package io.getaways.platform.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Settings that were rejected, one line each: the property in kebab case with its prefix,
 * what it must be, and the value it was given, as in
 * {@code getaways.bookings.max-seats must be at least 1 but was 0}.
 */
public final class InvalidSettings {

	private static final ChronoUnit[] UNITS = { ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS };

	private static final String[] SUFFIXES = { "d", "h", "m", "s", "ms", "us" };

	/**
	 * Properties whose value is never printed, not even when wrong: its length is enough
	 * to fix it. An entry of a map named {@code keys} ({@code getaways.crypto.keys[k1]})
	 * is a key too.
	 */
	private static final Pattern SECRET = Pattern.compile("[.-](secret|password|key)$|[.-]keys\\[[^]]*]$");

	private InvalidSettings() {
	}

	/**
	 * The lines of the first settings failure among the failure's causes: the values that
	 * failed validation, or the one that could not be read as its type at all. None when
	 * the failure is about something else.
	 */
	public static List<String> lines(Throwable failure) {
		BindValidationException invalid = find(failure, BindValidationException.class);
		if (invalid != null) {
			return linesOf(invalid);
		}
		BindException unreadable = find(failure, BindException.class);
		ConversionFailedException conversion = find(unreadable, ConversionFailedException.class);
		if (conversion == null) {
			return List.of();
		}
		// an empty value converts to null before it fails as a primitive: the text as
		// given says more
		Object value = conversion.getValue() != null || unreadable.getProperty() == null ? conversion.getValue()
				: unreadable.getProperty().getValue();
		return List.of(unreadable.getName() + " must be " + expected(unreadable.getTarget().getType().resolve())
				+ " but was " + show(value));
	}

	static List<String> linesOf(BindValidationException invalid) {
		List<String> lines = new ArrayList<>();
		for (ObjectError error : invalid.getValidationErrors()) {
			lines.add(line(error));
		}
		return lines;
	}

	static String property(FieldError error) {
		return error.getObjectName() + "." + DataObjectPropertyName.toDashedForm(error.getField());
	}

	private static String line(ObjectError error) {
		if (error instanceof FieldError field) {
			String property = property(field);
			Object value = rejectedValue(field);
			return property + " " + field.getDefaultMessage() + " but was "
					+ (SECRET.matcher(property).find() ? hidden(value) : show(value));
		}
		return error.getObjectName() + " " + error.getDefaultMessage();
	}

	/**
	 * Spring reads a value a rule reported on through bean accessors, which a settings
	 * class (rather than a record) has none of; the field holds it whatever the type.
	 */
	private static Object rejectedValue(FieldError error) {
		Object value = error.getRejectedValue();
		if (value != null || !error.contains(ConstraintViolation.class)) {
			return value;
		}
		Object bean = error.unwrap(ConstraintViolation.class).getLeafBean();
		if (bean == null) {
			return null;
		}
		String name = error.getField().substring(error.getField().lastIndexOf('.') + 1);
		DirectFieldAccessor fields = new DirectFieldAccessor(bean);
		return fields.isReadableProperty(name) ? fields.getPropertyValue(name) : null;
	}

	private static String hidden(Object value) {
		if (value instanceof CharSequence text) {
			return "a hidden value of " + text.toString().getBytes(StandardCharsets.UTF_8).length + " bytes";
		}
		return value == null ? "null" : "a hidden value";
	}

	/**
	 * A value as configuration would spell it: durations in their largest exact unit,
	 * texts in quotes.
	 */
	public static String show(Object value) {
		if (value instanceof Duration duration) {
			return show(duration);
		}
		if (value instanceof CharSequence text) {
			return "\"" + text + "\"";
		}
		return String.valueOf(value);
	}

	private static String show(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		for (int i = 0; i < UNITS.length; i++) {
			Duration unit = UNITS[i].getDuration();
			long whole = duration.dividedBy(unit);
			if (unit.multipliedBy(whole).equals(duration)) {
				return whole + SUFFIXES[i];
			}
		}
		return duration.toNanos() + "ns";
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "readable";
		}
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "a number";
		}
		if (boxed == Duration.class) {
			return "a duration such as 500ms, 30s, 5m or 1d";
		}
		if (boxed == Boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of " + StringUtils.arrayToDelimitedString(type.getEnumConstants(), ", ");
		}
		return "a " + type.getSimpleName();
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
