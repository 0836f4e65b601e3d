package io.getaways.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.CommandLine;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code getaways.jar audit verify} against the test's database, through the jar's own
 * command-line entry.
 */
@IntegrationTest
class AuditVerifyCommandIT {

	private static final List<String> PASSED_ON = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "getaways.db.role-prefix", "getaways.db.owner.username",
			"getaways.db.owner.password", "getaways.data-dir");

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog auditLog;

	AuditDatabase database;

	@BeforeEach
	void setUp() {
		database = new AuditDatabase(context);
	}

	@Test
	void exitsZeroWhenIntactAndOneNamingTheEntryAfterTampering() {
		long entry = ActorContext.callAs(Actor.job("audit-cli-it"),
				() -> auditLog.recordEvent("CLI_PROBE", "cli", Map.of("step", "before")));
		await().atMost(Duration.ofSeconds(60)).until(() -> database.newestSealed(auditLog) >= entry);

		Run intact = verify();
		assertThat(intact.exitCode()).as(intact.output()).isZero();
		assertThat(intact.output()).contains("entries checked").contains("chain intact");

		String original = database.newRow(entry);
		database.overwriteAsOwner(entry, "new_row", "{\"step\": \"after\"}");
		try {
			Run broken = verify();
			assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
			assertThat(broken.output()).contains("first broken entry: " + entry);
		}
		finally {
			database.overwriteAsOwner(entry, "new_row", original);
		}

		assertThat(verify().exitCode()).isZero();
	}

	record Run(int exitCode, String output) {
	}

	private Run verify() {
		Environment environment = context.getEnvironment();
		List<String> args = new ArrayList<>(List.of("audit", "verify"));
		PASSED_ON.stream()
			.filter(environment::containsProperty)
			.forEach(name -> args.add("--" + name + "=" + environment.getProperty(name)));
		PrintStream console = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int exitCode = CommandLine.run(args.toArray(String[]::new));
			return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(console);
		}
	}

}
