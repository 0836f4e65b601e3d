package io.getaways.operations.internal.maintenance;

import java.io.PrintWriter;

import io.getaways.platform.TaskSubcommand;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code getaways.jar maintenance run|report [--json]}: works on the service's database
 * while the service runs; partition and view changes go through the same functions the
 * service's scheduled run uses.
 */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
		description = "Database maintenance: run (partitions, report view refresh, ANALYZE, then the report) "
				+ "or report (what an operator should look at) [--json].")
class MaintenanceCommand extends TaskSubcommand {

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	enum Action {

		run, report

	}

	@Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}")
	Action action;

	@Option(names = "--json", description = "Machine-readable output")
	boolean json;

	@Override
	public Integer call() {
		PrintWriter out = out();
		try (ConfigurableApplicationContext context = tasks().startWithDatabase(MaintenanceTask.class)) {
			int exit = 0;
			if (action == Action.run) {
				MaintenanceRun run = context.getBean(MaintenanceRunner.class).run(line -> {
					if (!json) {
						out.println("maintenance: " + line);
						out.flush();
					}
				});
				if (json) {
					out.println(JSON.writeValueAsString(run));
				}
				else {
					MaintenanceReportText.print(out, run.report());
				}
				exit = run.succeeded() ? 0 : 1;
				out.println(run.succeeded() ? "maintenance run complete: " + summary(run)
						: "maintenance run FAILED: " + summary(run));
			}
			else {
				MaintenanceReport report = context.getBean(MaintenanceReporter.class).report();
				if (json) {
					out.println(JSON.writeValueAsString(report));
				}
				else {
					MaintenanceReportText.print(out, report);
				}
			}
			out.flush();
			return exit;
		}
	}

	private static String summary(MaintenanceRun run) {
		StringBuilder text = new StringBuilder();
		for (MaintenanceRun.Task task : run.tasks()) {
			text.append(text.isEmpty() ? "" : "; ")
				.append(task.name())
				.append(task.succeeded() ? " ok (" : " failed (")
				.append(task.detail())
				.append(')');
		}
		return text.toString();
	}

}
