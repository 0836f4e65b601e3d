package io.getaways.platform;

import java.util.Map;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoConsistencySettingsTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void aCollectionNotNamedTakesTheDefaults() {
		var settings = new MongoConsistencySettings("majority", "primary", Map.of("feed", "w1"),
				Map.of("feed", "secondaryPreferred"));

		assertThat(validator.validate(settings)).isEmpty();
		assertThat(settings.writeConcernOf("feed")).isEqualTo(WriteConcern.W1);
		assertThat(settings.writeConcernOf("other")).isEqualTo(WriteConcern.MAJORITY);
		assertThat(settings.readPreferenceOf("feed")).isEqualTo(ReadPreference.secondaryPreferred());
		assertThat(settings.readPreferenceOf("other")).isEqualTo(ReadPreference.primary());
	}

	@Test
	void unknownOrUnacknowledgedNamesAreRefusedNamingTheProperty() {
		var settings = new MongoConsistencySettings("most", "secondaryPrefered", Map.of("feed", "unacknowledged"),
				Map.of("feed", "anywhere"));

		assertThat(validator.validate(settings)).extracting(v -> v.getPropertyPath().toString() + ": " + v.getMessage())
			.containsExactlyInAnyOrder(
					"writeConcern: must be an acknowledged write concern (majority, w1, w2, journaled, acknowledged)",
					"writeConcerns[feed]: must be an acknowledged write concern (majority, w1, w2, journaled, acknowledged)",
					"readPreference: must be primary, primaryPreferred, secondary, secondaryPreferred or nearest",
					"readPreferences[feed]: must be primary, primaryPreferred, secondary, secondaryPreferred or nearest");
	}

	@Test
	void namesAreReadWithoutRegardToCase() {
		var settings = new MongoConsistencySettings("MAJORITY", "SecondaryPreferred", null, null);

		assertThat(validator.validate(settings)).isEmpty();
		assertThat(settings.readPreferenceOf("x")).isEqualTo(ReadPreference.secondaryPreferred());
	}

}
