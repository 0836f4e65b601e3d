package io.getaways.platform.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The duration must be longer than zero. Null passes: the property's
 * {@code @DefaultValue} fills it in.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositiveDuration.Validator.class)
public @interface PositiveDuration {

	String message() default "must be positive";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PositiveDuration, Duration> {

		@Override
		public boolean isValid(Duration value, ConstraintValidatorContext context) {
			return value == null || !value.isNegative() && !value.isZero();
		}

	}

}
