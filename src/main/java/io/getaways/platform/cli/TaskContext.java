package io.getaways.platform.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small non-web application context for one command-line task, with embedded mode limited to the stores the task
 * needs, so that a migration never starts Redis or MongoDB.
 */
final class TaskContext {

	private TaskContext() {
	}

	static ConfigurableApplicationContext start(Class<?> configuration, GetawaysCommand root, String embeddedStores) {
		List<String> arguments = new ArrayList<>(root.springArguments());
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "getaways.embedded.stores=" + embeddedStores,
					"logging.level.root=WARN", "logging.level.io.getaways=INFO")
			.run(arguments.toArray(String[]::new));
	}
}
