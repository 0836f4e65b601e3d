package io.getaways.audit.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.getaways.audit.AuditLog;
import io.getaways.audit.VerificationResult;
import io.getaways.platform.CliSubcommand;
import io.getaways.platform.CliTasks;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code getaways.jar audit verify}: found by the command line through {@code META-INF/spring.factories}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
		description = "Audit log: verify (seals, then checks every content hash and chain link; exit 1 when broken).")
class AuditCommand implements Callable<Integer>, CliSubcommand {

	enum Action {
		verify
	}

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}")
	Action action;

	private CliTasks tasks;

	@Override
	public void useTasks(CliTasks tasks) {
		this.tasks = tasks;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = tasks.startWithDatabase(VerifyTask.class)) {
			VerificationResult result = context.getBean(AuditLog.class).verify();
			out.printf("%d entries checked%n", result.entriesChecked());
			if (result.isIntact()) {
				out.println("chain intact");
			}
			else {
				out.printf("first broken entry: %d (%s)%n", result.firstBrokenId(), result.reason());
			}
			out.flush();
			return result.isIntact() ? 0 : 1;
		}
	}

	/** Not a scanned configuration: only this task's context uses it. */
	@Import({ AuditLogService.class, AuditEntries.class, ChainVerifier.class, AuditSealer.class })
	static class VerifyTask {
	}
}
