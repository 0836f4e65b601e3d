package io.getaways.platform.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A settings type with rules that need code: one property measured against another, or a
 * syntax. Bean Validation runs {@link #checkRules} beside the per-property constraints
 * (the class-level constraint below is inherited by every implementation), and each
 * broken rule is reported on the property it is about, like any other constraint.
 */
@SettingsRules.Checked
public interface SettingsRules {

	void checkRules(Rules rules);

	/**
	 * Collects broken rules, each as the property it is about and what that property must
	 * be.
	 */
	final class Rules {

		private final ConstraintValidatorContext context;

		private boolean held = true;

		Rules(ConstraintValidatorContext context) {
			this.context = context;
		}

		/**
		 * @param property the component's name ({@code keepWalForBackups}), as Bean
		 * Validation paths name it
		 * @param requirement what it must be, to be followed by "but was" and its value
		 */
		public void require(boolean holds, String property, String requirement) {
			if (holds) {
				return;
			}
			if (held) {
				context.disableDefaultConstraintViolation();
				held = false;
			}
			context.buildConstraintViolationWithTemplate(literal(requirement))
				.addPropertyNode(property)
				.addConstraintViolation();
		}

		/**
		 * As {@link #require(boolean, String, String)}, naming another property's value
		 * in the requirement.
		 */
		public void require(boolean holds, String property, String requirement, Object otherValue) {
			require(holds, property, requirement + " (" + InvalidSettings.show(otherValue) + ")");
		}

		/**
		 * Bean Validation would read braces and dollar signs in a message as expressions.
		 */
		private static String literal(String message) {
			return message.replaceAll("([\\\\{}$])", "\\\\$1");
		}

	}

	@Documented
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = Check.class)
	@interface Checked {

		String message() default "breaks a rule";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	class Check implements ConstraintValidator<Checked, SettingsRules> {

		@Override
		public boolean isValid(SettingsRules settings, ConstraintValidatorContext context) {
			if (settings == null) {
				return true;
			}
			Rules rules = new Rules(context);
			settings.checkRules(rules);
			return rules.held;
		}

	}

}
