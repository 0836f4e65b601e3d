package io.getaways.platform.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.boot.convert.DurationStyle;

/**
 * The number or duration must be at least {@link #value}, written as in configuration
 * ({@code 1}, {@code 0.0}, {@code 1h}). Null passes: the property's {@code @DefaultValue}
 * fills it in.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = { AtLeast.ForNumber.class, AtLeast.ForDuration.class })
public @interface AtLeast {

	String value();

	String message() default "must be at least {value}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class ForNumber implements ConstraintValidator<AtLeast, Number> {

		private BigDecimal limit;

		@Override
		public void initialize(AtLeast annotation) {
			limit = new BigDecimal(annotation.value());
		}

		@Override
		public boolean isValid(Number value, ConstraintValidatorContext context) {
			return value == null || Limits.atLeast(value, limit);
		}

	}

	class ForDuration implements ConstraintValidator<AtLeast, Duration> {

		private Duration limit;

		@Override
		public void initialize(AtLeast annotation) {
			limit = DurationStyle.detectAndParse(annotation.value());
		}

		@Override
		public boolean isValid(Duration value, ConstraintValidatorContext context) {
			return value == null || value.compareTo(limit) >= 0;
		}

	}

}
