package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the {@code pgbackrest} command line for one stanza: the backup path used when
 * PostgreSQL is an external server. Every call runs pgBackRest with this wrapper's own
 * config file, never {@code /etc/pgbackrest.conf}, so a host-wide configuration cannot
 * change what is backed up or where.
 */
final class PgBackRest {

	private static final Pattern NEW_LABEL = Pattern.compile("new backup label = (\\S+)");

	private static final List<String> BACKUP_TYPES = List.of("full", "diff", "incr");

	/**
	 * PostgreSQL parses this for recovery_target_time; UTC with an explicit offset leaves
	 * nothing to the server's zone.
	 */
	private static final DateTimeFormatter RECOVERY_TARGET = DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	/**
	 * Characters that need no quoting inside archive_command, which PostgreSQL hands to a
	 * shell.
	 */
	private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./=@%+:,-]+");

	private final PgBackRestSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	public PgBackRest(PgBackRestSettings settings) {
		this.settings = settings;
	}

	public PgBackRestSettings settings() {
		return settings;
	}

	/**
	 * Writes the stanza's config file under the repository, readable only by the user
	 * pgBackRest runs as.
	 */
	public Path writeConfig() {
		Path file = settings.configFile();
		try {
			if (!Files.isDirectory(settings.repoPath())) {
				Files.createDirectories(settings.repoPath());
				if (needsRunAs()) {
					// pgBackRest writes the repository, logs and locks as the PostgreSQL
					// user.
					chown(settings.repoPath(), settings.runAsUser().orElseThrow());
				}
			}
			// Created empty with owner-only permissions first: the file may hold the
			// repository's cipher pass.
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, configText(), StandardCharsets.UTF_8);
			if (needsRunAs()) {
				chown(file, settings.runAsUser().orElseThrow());
			}
			return file;
		}
		catch (IOException ex) {
			throw new PgBackRestException("Cannot write pgBackRest config " + file + ": " + ex.getMessage(), ex);
		}
	}

	String configText() {
		Path repo = settings.repoPath();
		StringBuilder conf = new StringBuilder();
		conf.append("[global]\n");
		conf.append("repo1-path=").append(repo).append('\n');
		conf.append("repo1-retention-full=").append(settings.retentionFull()).append('\n');
		settings.cipherPass()
			.ifPresent(pass -> conf.append("repo1-cipher-type=")
				.append(PgBackRestSettings.CIPHER_TYPE)
				.append('\n')
				.append("repo1-cipher-pass=")
				.append(pass)
				.append('\n'));
		// Kept under the repository so no root-owned system directory has to be prepared
		// for pgBackRest.
		conf.append("log-path=").append(repo.resolve("log")).append('\n');
		conf.append("lock-path=").append(repo.resolve("lock")).append('\n');
		conf.append("spool-path=").append(repo.resolve("spool")).append('\n');
		conf.append("log-level-console=info\n");
		conf.append("log-level-stderr=error\n");
		conf.append("start-fast=y\n");
		conf.append("compress-type=").append(settings.compressType()).append('\n');
		// Synchronous push: archive_command only succeeds once the segment is in the
		// repository.
		conf.append("archive-async=n\n");
		conf.append('\n');
		conf.append('[').append(settings.stanza()).append("]\n");
		conf.append("pg1-path=").append(settings.pgDataPath()).append('\n');
		conf.append("pg1-port=").append(settings.pgPort()).append('\n');
		conf.append("pg1-user=").append(settings.pgUser()).append('\n');
		settings.pgSocketPath().ifPresent(socket -> conf.append("pg1-socket-path=").append(socket).append('\n'));
		settings.pgHost().ifPresent(host -> conf.append("pg1-host=").append(host).append('\n'));
		settings.pgHostUser().ifPresent(user -> conf.append("pg1-host-user=").append(user).append('\n'));
		return conf.toString();
	}

	/**
	 * The value for PostgreSQL's archive_command; PostgreSQL runs it as its own OS user,
	 * so no runuser prefix.
	 */
	public String archiveCommand() {
		return String.join(" ", shellQuote(settings.executable()), shellQuote("--config=" + settings.configFile()),
				shellQuote("--stanza=" + settings.stanza()), "archive-push", "%p");
	}

	public void stanzaCreate() {
		run("stanza-create");
	}

	/**
	 * Confirms the server's archive_command reaches the repository, by forcing and
	 * waiting for a WAL switch.
	 */
	public void check() {
		run("check");
	}

	/** Takes a backup of the given type (full, diff or incr) and returns its label. */
	public String backup(String type) {
		if (!BACKUP_TYPES.contains(type)) {
			throw new IllegalArgumentException("Backup type must be one of " + BACKUP_TYPES + ", was " + type);
		}
		String out = run("--type=" + type, "backup");
		Matcher label = NEW_LABEL.matcher(out);
		if (label.find()) {
			return label.group(1);
		}
		return info().backups()
			.stream()
			.reduce((first, second) -> second)
			.map(PgBackRestInfo.Backup::label)
			.orElseThrow(() -> new PgBackRestException("pgBackRest backup reported success but no backup is listed"));
	}

	public void expire() {
		run("expire");
	}

	/**
	 * pgBackRest's own check of every backup file and archived WAL segment in the
	 * repository against its checksums.
	 */
	public void verify() {
		run("verify");
	}

	public PgBackRestInfo.StanzaInfo info() {
		String out = run("--output=json", "--log-level-console=off", "info");
		try {
			JsonNode stanzas = json.readTree(out);
			if (!stanzas.isArray() || stanzas.isEmpty()) {
				throw new PgBackRestException("pgBackRest info returned no stanza " + settings.stanza());
			}
			return PgBackRestInfo.StanzaInfo.of(stanzas.get(0));
		}
		catch (JacksonException ex) {
			throw new PgBackRestException("Cannot parse pgBackRest info output: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Restores into a new, empty directory, never the live one. With a time, recovery
	 * replays WAL up to that instant; with only a label, it stops at that backup's
	 * consistent point; with neither, it replays all archived WAL.
	 */
	public void restore(Path targetDataDir, Optional<Instant> targetTime, Optional<String> backupLabel) {
		Path target = targetDataDir.toAbsolutePath().normalize();
		if (target.equals(settings.pgDataPath())) {
			throw new PgBackRestException("Refusing to restore into the live data directory " + target);
		}
		prepareEmptyDirectory(target);
		List<String> args = new ArrayList<>();
		args.add("--pg1-path=" + target);
		backupLabel.ifPresent(label -> args.add("--set=" + label));
		if (targetTime.isPresent()) {
			args.add("--type=time");
			args.add("--target=" + RECOVERY_TARGET.format(targetTime.get()));
			args.add("--target-action=promote");
		}
		else if (backupLabel.isPresent()) {
			args.add("--type=immediate");
			args.add("--target-action=promote");
		}
		args.add("restore");
		run(args.toArray(String[]::new));
	}

	private void prepareEmptyDirectory(Path target) {
		try {
			if (Files.exists(target)) {
				if (!Files.isDirectory(target)) {
					throw new PgBackRestException("Refusing to restore into " + target + ": not a directory");
				}
				try (Stream<Path> entries = Files.list(target)) {
					if (entries.findAny().isPresent()) {
						throw new PgBackRestException("Refusing to restore into non-empty directory " + target);
					}
				}
			}
			else {
				Files.createDirectories(target);
			}
			// PostgreSQL refuses to start on a data directory others can read.
			Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
			if (needsRunAs()) {
				chown(target, settings.runAsUser().orElseThrow());
			}
		}
		catch (IOException ex) {
			throw new PgBackRestException("Cannot prepare restore directory " + target + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs one pgBackRest command and returns its stdout; a failure becomes one line
	 * naming pgBackRest's error.
	 */
	private String run(String... args) {
		return PgBackRestProcess.run(settings, needsRunAs(), args);
	}

	private boolean needsRunAs() {
		return settings.runAsUser().filter(user -> !user.equals(System.getProperty("user.name"))).isPresent();
	}

	private static void chown(Path path, String user) throws IOException {
		UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
		Files.setOwner(path, users.lookupPrincipalByName(user));
	}

	private static String shellQuote(String word) {
		return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\"'\"'") + "'";
	}

}
