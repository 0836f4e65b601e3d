package io.getaways;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModulesTest {

	private final ApplicationModules modules = ApplicationModules.of(GetawaysApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		modules.verify();
	}

	@Test
	void everyCapabilityOfTheArchitectureIsAModule() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("catalog", "platform", "travlr", "audit");
	}
}
