package io.getaways.platform.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports settings rejected at startup as {@link InvalidSettings} lines, and where each
 * value was set. Ordered before Spring Boot's own analyzer of the same failure, which
 * would print them in another shape.
 */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		List<String> lines = InvalidSettings.lines(cause);
		if (lines.isEmpty()) {
			return null;
		}
		return new FailureAnalysis(String.join(System.lineSeparator(), lines), action(cause), cause);
	}

	private static String action(BindException cause) {
		List<String> origins = new ArrayList<>();
		if (cause.getCause() instanceof BindValidationException invalid) {
			for (ObjectError error : invalid.getValidationErrors()) {
				Origin origin = Origin.from(error);
				if (error instanceof FieldError field && origin != null) {
					origins.add("    " + InvalidSettings.property(field) + " is set in " + origin);
				}
			}
		}
		else if (cause.getProperty() != null && cause.getProperty().getOrigin() != null) {
			origins.add("    " + cause.getName() + " is set in " + cause.getProperty().getOrigin());
		}
		if (origins.isEmpty()) {
			return "Correct the settings above.";
		}
		return "Correct the settings above where they are set:" + System.lineSeparator()
				+ String.join(System.lineSeparator(), origins);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
