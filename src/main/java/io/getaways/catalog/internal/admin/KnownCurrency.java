package io.getaways.catalog.internal.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency code the Java runtime knows, in capitals, such as {@code EUR};
 * null is left to @NotNull.
 */
@Documented
@Constraint(validatedBy = KnownCurrency.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface KnownCurrency {

	String message() default "must be a known ISO 4217 currency code, such as USD or EUR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<KnownCurrency, String> {

		private static final Set<String> CODES = Currency.getAvailableCurrencies()
			.stream()
			.map(Currency::getCurrencyCode)
			.collect(Collectors.toUnmodifiableSet());

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || CODES.contains(value);
		}

	}

}
