package io.getaways.imports.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportMappingTest {

	@Test
	void theBuiltInTravlrMappingReadsUsersBeforeTrips() {
		ImportMapping mapping = ImportMapping.builtIn("travlr.yml");

		assertThat(mapping.entities()).extracting(ImportMapping.EntityMapping::target)
			.containsExactly("users", "trips");
		ImportMapping.EntityMapping trips = mapping.entities().get(1);
		assertThat(trips.key()).isEqualTo("code");
		assertThat(trips.fields().get("price").convert()).isEqualTo("money");
		assertThat(trips.fields().get("capacity").defaultValue()).isEqualTo(20);
		assertThat(mapping.digest()).hasSize(64);
	}

	@Test
	void aMappingThatCannotWorkIsRefusedWithWhatIsWrong() {
		assertThatThrownBy(() -> ImportMapping.parse("entities: []", "m.yml")).hasMessageContaining("non-empty");
		assertThatThrownBy(() -> ImportMapping.parse("""
				entities:
				  - {source: t, target: ships, key: id}""", "m.yml")).hasMessageContaining("target 'ships'");
		assertThatThrownBy(() -> ImportMapping.parse("""
				entities:
				  - {source: t, target: trips}""", "m.yml")).hasMessageContaining("needs 'key'");
		assertThatThrownBy(() -> ImportMapping.parse("""
				entities:
				  - source: t
				    target: trips
				    key: id
				    fields: {price: {from: p, convert: euros}}""", "m.yml")).hasMessageContaining("conversion 'euros'");
	}

	@Test
	void namesThatAreNotPlainIdentifiersAreRefused() {
		assertThat(ImportSource.checkName("trip_rows")).isEqualTo("trip_rows");
		assertThatThrownBy(() -> ImportSource.checkName("trips; DROP TABLE x"))
			.isInstanceOf(ImportMapping.MappingException.class);
	}

}
