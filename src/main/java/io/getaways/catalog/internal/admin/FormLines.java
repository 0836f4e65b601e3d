package io.getaways.catalog.internal.admin;

import java.util.Arrays;
import java.util.List;

import org.springframework.validation.BindingResult;

/** A list field of the console's forms, one item a line, with the admin API's bounds. */
final class FormLines {

	static final int MAX_ITEMS = 50;

	static final int MAX_LENGTH = 200;

	private FormLines() {
	}

	/** The lines, stripped, blank ones dropped. */
	static List<String> of(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	/** Rejects the field beside itself when it has too many or too long lines. */
	static void check(String field, String text, BindingResult errors) {
		List<String> lines = of(text);
		if (lines.size() > MAX_ITEMS) {
			errors.rejectValue(field, "tooMany", "at most " + MAX_ITEMS + " lines");
		}
		else if (lines.stream().anyMatch(line -> line.length() > MAX_LENGTH)) {
			errors.rejectValue(field, "tooLong", "each line at most " + MAX_LENGTH + " characters");
		}
	}

}
