package io.getaways.identity.internal;

import java.io.PrintWriter;

import io.getaways.identity.UserAccount;
import io.getaways.platform.TaskSubcommand;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code getaways.jar users create --email E --name N --password P --role admin}: how an
 * operator creates the first admin. Found by the command line through
 * {@code META-INF/spring.factories}.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
		description = "Accounts: create (--email, --name, --password, --role customer|admin|auditor|partner).")
class UsersCommand extends TaskSubcommand {

	enum Action {

		create

	}

	@Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}")
	Action action;

	@Option(names = "--email", required = true)
	String email;

	@Option(names = "--name", required = true)
	String name;

	@Option(names = "--password", required = true, description = "At least 8 characters", interactive = false)
	String password;

	@Option(names = "--role", defaultValue = "customer", description = "customer, admin, auditor or partner")
	String role;

	@Override
	public Integer call() {
		PrintWriter out = out();
		try (ConfigurableApplicationContext context = tasks().startWithDatabase(CreateTask.class)) {
			UserAccount user = context.getBean(UserCreation.class).create(email, name, password, role);
			out.printf("created %s %s with roles %s%n", user.id(), user.email(), user.roles());
			out.flush();
			return 0;
		}
	}

	/** Not a scanned configuration: only this task's context uses it. */
	@Import({ UserCreation.class, UserRepository.class, PasswordHasher.class })
	@EnableConfigurationProperties(IdentitySettings.class)
	static class CreateTask {

	}

}
