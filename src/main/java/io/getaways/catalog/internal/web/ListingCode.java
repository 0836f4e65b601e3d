package io.getaways.catalog.internal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A trip or stay code as a route's path gives it: 1 to 20 letters or digits in either
 * case, capitalized before the lookup. A code a new listing may take is stricter (see the
 * admin requests).
 */
@Documented
@Pattern(regexp = "[A-Za-z0-9]{1,20}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ListingCode {

	String message() default "must be 1 to 20 letters or digits";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
