package io.getaways.platform.crypto;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import io.getaways.platform.TaskSubcommand;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code getaways.jar keys rotate|status}: the key-encryption keys of envelope
 * encryption. Found by the command line through {@code META-INF/spring.factories}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
		subcommands = { KeysCommand.Rotate.class, KeysCommand.Status.class },
		description = "Encryption keys: rotate, status.")
class KeysCommand extends TaskSubcommand {

	@Override
	public Integer call() {
		spec().commandLine().usage(out());
		return 2;
	}

	ConfigurableApplicationContext start() {
		return tasks().startWithDatabase(KeysTask.class);
	}

	/** Not a scanned configuration: only this task's context uses it. */
	@Import({ KeyRing.class, DataKeyStore.class, Envelopes.class, KeyRotation.class })
	static class KeysTask {

	}

	@Command(name = "rotate", mixinStandardHelpOptions = true,
			description = "Make the new key active (generated in embedded mode, else getaways.crypto.active-key) "
					+ "and re-wrap every data key under it, in batches.")
	static class Rotate implements Callable<Integer> {

		@ParentCommand
		KeysCommand keys;

		@Spec
		CommandSpec spec;

		@Option(names = "--batch-size", defaultValue = "500", description = "Data keys per transaction")
		int batchSize;

		@Override
		public Integer call() {
			if (batchSize < 1 || batchSize > 10_000) {
				spec.commandLine()
					.getErr()
					.println("keys rotate: --batch-size must be 1 to 10000 but was " + batchSize);
				return 2;
			}
			PrintWriter out = spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = keys.start()) {
				KeyRotation rotation = context.getBean(KeyRotation.class);
				String target = rotation.introduceKey();
				out.println("Active key: " + target);
				out.flush();
				long rewrapped = rotation.rewrapAll(target, batchSize, line -> {
					out.println(line);
					out.flush();
				});
				long left = rotation.remaining(target);
				if (left > 0) {
					out.println("Rotation incomplete: " + left + " data keys are not under " + target
							+ "; an instance still writes with an older active key. Restart every instance with "
							+ "getaways.crypto.active-key=" + target + " and run keys rotate again");
					return 1;
				}
				out.println("Rotated: " + rewrapped + " data keys re-wrapped; every data key is under " + target
						+ ". Older keys may now be removed from the configuration.");
				return 0;
			}
		}

	}

	@Command(name = "status", mixinStandardHelpOptions = true,
			description = "How many data keys each key-encryption key wraps, and which keys are configured.")
	static class Status implements Callable<Integer> {

		@ParentCommand
		KeysCommand keys;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = keys.start()) {
				KeyRing ring = context.getBean(KeyRing.class);
				Map<String, Long> counts = context.getBean(KeyRotation.class).countByKey();
				Set<String> ids = new TreeSet<>(ring.ids());
				ids.addAll(counts.keySet());
				String active = ring.activeId().orElse(null);
				for (String id : ids) {
					out.println(id + (id.equals(active) ? " (active)" : "") + ": " + counts.getOrDefault(id, 0L)
							+ " data keys" + (ring.key(id).isPresent() ? "" : ", NOT CONFIGURED"));
				}
				long missing = counts.keySet().stream().filter(id -> ring.key(id).isEmpty()).count();
				out.println(missing == 0 ? "Keys: every stored data key has its key configured; active key " + active
						: "Keys: " + missing + " key id(s) that stored data needs are not configured");
				return missing == 0 ? 0 : 1;
			}
		}

	}

}
