package io.getaways.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * A JSON number or boolean sent where a string is expected is refused instead of being
 * turned into its text: a client that sends {@code {"email": 5}} has a bug it should hear
 * about, and "5" is not what it meant. Objects and arrays were never accepted there.
 * Travlr bodies are read as untyped maps and check their own fields, so they are
 * unaffected.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

	@Bean
	JsonMapperBuilderCustomizer noScalarsAsStrings() {
		return builder -> builder.withCoercionConfig(LogicalType.Textual,
				config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
