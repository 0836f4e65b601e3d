package io.getaways.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.core.env.Environment;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Binds and validates a settings type outside a bean factory, exactly as Spring Boot does
 * for a {@code @ConfigurationProperties} bean: for settings needed before any bean
 * exists, and for tests.
 */
public final class SettingsBinder {

	private SettingsBinder() {
	}

	/**
	 * The settings under the type's {@code @ConfigurationProperties} prefix with
	 * defaults, or a BindException.
	 */
	public static <T> T bind(Environment environment, Class<T> type) {
		return bind(Binder.get(environment), type);
	}

	public static <T> T bind(Binder binder, Class<T> type) {
		ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
		if (properties == null) {
			throw new IllegalArgumentException(type.getName() + " is not annotated @ConfigurationProperties");
		}
		return binder.bindOrCreate(properties.value().isEmpty() ? properties.prefix() : properties.value(),
				Bindable.of(type), new ValidationBindHandler(new Validation(type)));
	}

	/**
	 * Validates the settings type itself only, reaching nested settings through
	 * {@code @Valid}, as Spring Boot does: a nested record's errors would otherwise end
	 * the validation before the outer record's own.
	 */
	private record Validation(Class<?> type) implements Validator {

		/** Built on first use only, like Spring Boot's own validator of settings. */
		private static final class Shared {

			static final LocalValidatorFactoryBean VALIDATOR = create();

			private static LocalValidatorFactoryBean create() {
				LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
				validator.setMessageInterpolator(new MessageInterpolatorFactory().getObject());
				validator.afterPropertiesSet();
				return validator;
			}

		}

		@Override
		public boolean supports(Class<?> candidate) {
			return type.equals(candidate);
		}

		@Override
		public void validate(Object target, Errors errors) {
			Shared.VALIDATOR.validate(target, errors);
		}
	}

}
