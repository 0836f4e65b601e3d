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
 * The number or duration must be at most {@link #value}, written as in configuration
 * ({@code 19}, {@code 1.0}, {@code 1m}). Null passes: the property's
 * {@code @DefaultValue} fills it in.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = { AtMost.ForNumber.class, AtMost.ForDuration.class })
public @interface AtMost {

	String value();

	String message() default "must be at most {value}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class ForNumber implements ConstraintValidator<AtMost, Number> {

		private BigDecimal limit;

		@Override
		public void initialize(AtMost annotation) {
			limit = new BigDecimal(annotation.value());
		}

		@Override
		public boolean isValid(Number value, ConstraintValidatorContext context) {
			return value == null || Limits.atMost(value, limit);
		}

	}

	class ForDuration implements ConstraintValidator<AtMost, Duration> {

		private Duration limit;

		@Override
		public void initialize(AtMost annotation) {
			limit = DurationStyle.detectAndParse(annotation.value());
		}

		@Override
		public boolean isValid(Duration value, ConstraintValidatorContext context) {
			return value == null || value.compareTo(limit) <= 0;
		}

	}

}
