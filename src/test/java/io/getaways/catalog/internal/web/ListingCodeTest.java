package io.getaways.catalog.internal.web;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListingCodeTest {

	private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	record Path(@ListingCode String code) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "CORAL260614", "villaoia", "A", "ABCDEFGHIJ0123456789" })
	void lettersAndDigitsOfEitherCaseAreAccepted(String code) {
		assertThat(validator.validate(new Path(code))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "CORAL-26", "ABCDEFGHIJ01234567890", "caf\u00e9" })
	void anythingElseIsOneViolationWithTheRoutesMessage(String code) {
		Set<ConstraintViolation<Path>> violations = validator.validate(new Path(code));
		assertThat(violations).singleElement()
			.extracting(ConstraintViolation::getMessage)
			.isEqualTo("must be 1 to 20 letters or digits");
	}

}
