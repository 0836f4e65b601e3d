package io.getaways.audit.internal;

import java.io.PrintWriter;

import io.getaways.audit.AuditLog;
import io.getaways.audit.VerificationResult;
import io.getaways.platform.TaskSubcommand;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code getaways.jar audit verify}: found by the command line through
 * {@code META-INF/spring.factories}.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
		description = "Audit log: verify (seals, then checks every content hash and chain link; exit 1 when broken).")
class AuditCommand extends TaskSubcommand {

	enum Action {

		verify

	}

	@Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}")
	Action action;

	@Override
	public Integer call() {
		PrintWriter out = out();
		try (ConfigurableApplicationContext context = tasks().startWithDatabase(VerifyTask.class)) {
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
