package io.getaways.identity.internal;

import java.io.PrintWriter;
import java.util.function.Function;

import io.getaways.platform.TaskSubcommand;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import picocli.CommandLine.Command;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code getaways.jar users create|list|grant|revoke|reset-password|disable|enable}: how
 * an operator creates the first admin and looks after accounts. Each change is audited
 * with the operator as actor. Found by the command line through
 * {@code META-INF/spring.factories}.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
		subcommands = { UserCommands.Create.class, UserCommands.ListUsers.class, UserCommands.Grant.class,
				UserCommands.Revoke.class, UserCommands.ResetPassword.class, UserCommands.Disable.class,
				UserCommands.Enable.class },
		description = "Accounts: create, list, grant, revoke, reset-password, disable, enable.")
class UsersCommand extends TaskSubcommand {

	@Override
	public Integer call() {
		spec().commandLine().usage(out());
		return 2;
	}

	/**
	 * Runs one piece of account work in a task context and prints what it answers; the
	 * context provisions and migrates a new data directory first.
	 */
	int run(PrintWriter out, Function<ConfigurableApplicationContext, String> work) {
		try (ConfigurableApplicationContext context = tasks().startWithDatabase(UsersTask.class)) {
			out.println(work.apply(context));
			out.flush();
			return 0;
		}
	}

	/** Not a scanned configuration: only this task's context uses it. */
	@Import({ UserCreation.class, UserAdministration.class, UserRepository.class, PasswordHasher.class,
			RefreshTokens.class, SignInEvents.class })
	@EnableConfigurationProperties(IdentitySettings.class)
	static class UsersTask {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().build();
		}

	}

}
