package io.getaways.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.getaways.identity.UserAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The subcommands of {@code users}, each one line of work on {@link UserAdministration}.
 */
final class UserCommands {

	private UserCommands() {
	}

	/**
	 * Shared by every subcommand: its parent, where it prints, and the account it names.
	 */
	abstract static class AccountCommand implements Callable<Integer> {

		@ParentCommand
		UsersCommand users;

		@Spec
		CommandSpec spec;

		int run(Function<UserAdministration, String> work) {
			return users.run(spec.commandLine().getOut(),
					context -> work.apply(context.getBean(UserAdministration.class)));
		}

		static String describe(UserAccount user) {
			return user.id() + " " + user.email() + " " + user.status() + " " + user.roles().stream().sorted().toList();
		}

	}

	/** A subcommand about one existing account, named by its email. */
	abstract static class OneAccount extends AccountCommand {

		@Option(names = "--email", required = true)
		String email;

	}

	/** A subcommand about one account and one role. */
	abstract static class AccountRole extends OneAccount {

		@Option(names = "--role", required = true, description = "customer, admin, auditor or partner")
		String role;

	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create an account with a role; the way to the first admin.")
	static class Create extends AccountCommand {

		@Option(names = "--email", required = true)
		String email;

		@Option(names = "--name", required = true)
		String name;

		@Option(names = "--password", required = true, description = "At least 8 characters")
		String password;

		@Option(names = "--role", defaultValue = "customer", description = "customer, admin, auditor or partner")
		String role;

		@Override
		public Integer call() {
			return users.run(spec.commandLine().getOut(), context -> {
				UserAccount user = context.getBean(UserCreation.class).create(email, name, password, role);
				return "created " + user.id() + " " + user.email() + " with roles " + user.roles();
			});
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Every account, or those with a role.")
	static class ListUsers extends AccountCommand {

		@Option(names = "--role", description = "Only accounts with this role")
		String role;

		@Override
		public Integer call() {
			return run(admin -> {
				List<UserAccount> accounts = admin.list(role);
				StringBuilder lines = new StringBuilder();
				accounts.forEach(user -> lines.append(describe(user)).append('\n'));
				return lines + (accounts.size() + " account(s)");
			});
		}

	}

	@Command(name = "grant", mixinStandardHelpOptions = true, description = "Add a role to an account.")
	static class Grant extends AccountRole {

		@Override
		public Integer call() {
			return run(admin -> "granted " + role + ": " + describe(admin.grant(email, role)));
		}

	}

	@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Remove a role from an account.")
	static class Revoke extends AccountRole {

		@Override
		public Integer call() {
			return run(admin -> "revoked " + role + ": " + describe(admin.revoke(email, role)));
		}

	}

	@Command(name = "reset-password", mixinStandardHelpOptions = true,
			description = "Set a temporary password that must be changed at the next sign-in; every session ends.")
	static class ResetPassword extends OneAccount {

		private static final SecureRandom RANDOM = new SecureRandom();

		@Option(names = "--password", description = "The temporary password (default: a random one, printed once)")
		String password;

		@Override
		public Integer call() {
			String temporary = password != null ? password : randomPassword();
			return run(admin -> {
				UserAccount user = admin.resetPassword(email, temporary);
				return "password reset for " + user.email() + "; it must be changed at the next sign-in"
						+ (password == null ? "; temporary password: " + temporary : "");
			});
		}

		private static String randomPassword() {
			byte[] bytes = new byte[15];
			RANDOM.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

	@Command(name = "disable", mixinStandardHelpOptions = true,
			description = "Refuse the account's sign-ins and end its sessions.")
	static class Disable extends OneAccount {

		@Override
		public Integer call() {
			return run(admin -> "disabled " + describe(admin.disable(email)));
		}

	}

	@Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled account sign in again.")
	static class Enable extends OneAccount {

		@Override
		public Integer call() {
			return run(admin -> "enabled " + describe(admin.enable(email)));
		}

	}

}
