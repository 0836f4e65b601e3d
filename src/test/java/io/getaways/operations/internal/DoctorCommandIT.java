package io.getaways.operations.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.GetawaysApplication;
import io.getaways.support.CommandLineRuns.Result;
import io.getaways.support.TestStores;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.getaways.support.CommandLineRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code doctor} through the jar's command line on data directories of the test's own: OK
 * on a healthy set-up, FAIL for each broken precondition a test can produce, and the same
 * verdicts in {@code --json}.
 */
class DoctorCommandIT {

	private static final Pattern LINE = Pattern.compile("(?m)^(OK|WARN|FAIL) +(\\S+) +(.*)$");

	@TempDir
	static Path temp;

	static Path migrated;

	@BeforeAll
	static void migratedDataDirectory() {
		assumeFalse(TestStores.external(), "the external-stores profile pins every context to the CI database");
		// each data directory in a directory of its own: WAL goes to the backup
		// repository beside it
		migrated = temp.resolve("migrated").resolve("data");
		assertThat(run("migrate", "up", "--data-dir=" + migrated).exitCode()).isZero();
	}

	@Test
	void healthySetUpIsOkAndJsonSaysTheSame() {
		Result doctor = run("doctor", "--data-dir=" + migrated);
		assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
		List<String[]> lines = lines(doctor.out());
		assertThat(lines).extracting(line -> line[1])
			.containsExactly("java", "data-dir", "service", "postgresql", "mongodb", "redis", "tls", "migrations",
					"extensions", "roles-rls", "clock", "signing-keys", "backups", "wal-archiving");
		assertThat(lines).allSatisfy(line -> assertThat(line[0]).as(String.join(" ", line)).isIn("OK", "WARN"));
		assertThat(doctor.out()).contains("PostgreSQL 17").contains("changesets applied, checksums valid");

		Result json = run("doctor", "--json", "--data-dir=" + migrated);
		assertThat(json.exitCode()).as(json.err()).isZero();
		JsonNode document = JsonMapper.builder().build().readTree(json.out());
		assertThat(document.path("status").asString()).isEqualTo("OK");
		List<String[]> fromJson = new ArrayList<>();
		document.path("checks")
			.forEach(check -> fromJson
				.add(new String[] { check.path("status").asString(), check.path("check").asString() }));
		assertThat(fromJson).extracting(line -> line[1] + "=" + line[0])
			.containsExactlyElementsOf(lines.stream().map(line -> line[1] + "=" + line[0]).toList());
	}

	@Test
	void storesDownFailWithTheStoreTheAddressAndTheCause() throws IOException {
		int closed = closedPort();
		Result doctor = run("doctor", "--data-dir=" + migrated, "--spring.data.redis.url=redis://127.0.0.1:" + closed,
				"--spring.mongodb.uri=mongodb://127.0.0.1:" + closed + "/getaways");
		assertThat(doctor.exitCode()).isEqualTo(1);
		assertThat(status(doctor, "redis")).isEqualTo("FAIL Redis at 127.0.0.1:" + closed
				+ ": connection refused: Redis is not started or listens on another port");
		assertThat(status(doctor, "mongodb"))
			.startsWith("FAIL MongoDB at 127.0.0.1:" + closed + ": connection refused");
		assertThat(status(doctor, "postgresql")).startsWith("OK PostgreSQL 17");
		assertThat(doctor.out()).doesNotContain("Exception").doesNotContain("\tat ");

		Result json = run("doctor", "--json", "--data-dir=" + migrated,
				"--spring.data.redis.url=redis://127.0.0.1:" + closed);
		JsonNode document = JsonMapper.builder().build().readTree(json.out());
		assertThat(json.exitCode()).isEqualTo(1);
		assertThat(document.path("status").asString()).isEqualTo("FAIL");
		assertThat(document.path("checks").valueStream().filter(c -> c.path("check").asString().equals("redis")))
			.singleElement()
			.satisfies(c -> assertThat(c.path("status").asString()).isEqualTo("FAIL"));
	}

	@Test
	void postgresDownSkipsWhatDependsOnItAndCountsOnce() throws IOException {
		int closed = closedPort();
		Result doctor = run("doctor", "--data-dir=" + temp.resolve("external-pg"),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/getaways",
				"--spring.datasource.username=getaways_app", "--spring.datasource.password=x",
				"--getaways.db.owner.password=y");
		assertThat(doctor.exitCode()).isEqualTo(1);
		assertThat(status(doctor, "postgresql")).isEqualTo("FAIL PostgreSQL at 127.0.0.1:" + closed
				+ "/getaways: connection refused: PostgreSQL is not started or listens on another port");
		assertThat(status(doctor, "migrations")).isEqualTo("FAIL skipped: PostgreSQL unreachable");
		assertThat(status(doctor, "roles-rls")).isEqualTo("FAIL skipped: PostgreSQL unreachable");
		assertThat(doctor.out()).contains("doctor: 1 failure(s), 6 check(s) skipped because of them");
	}

	@Test
	void unusableDataDirectoryFailsOnceAndSkipsTheRest() throws IOException {
		Path notADirectory = Files.writeString(temp.resolve("not-a-directory"), "x");
		Result doctor = run("doctor", "--data-dir=" + notADirectory);
		assertThat(doctor.exitCode()).isEqualTo(1);
		assertThat(status(doctor, "data-dir")).startsWith("FAIL " + notADirectory + " is not writable");
		assertThat(status(doctor, "wal-archiving")).isEqualTo("FAIL skipped: the embedded stores did not start");
		assertThat(doctor.out()).contains("doctor: 1 failure(s), 12 check(s) skipped because of them");
	}

	@Test
	void pendingMigrationFailsAndNamesTheCommandToRun() {
		Path dataDir = temp.resolve("rolled-back").resolve("data");
		assertThat(run("migrate", "up", "--data-dir=" + dataDir).exitCode()).isZero();
		assertThat(run("migrate", "down", "--count", "1", "--data-dir=" + dataDir).exitCode()).isZero();

		Result doctor = run("doctor", "--data-dir=" + dataDir);
		assertThat(doctor.exitCode()).isEqualTo(1);
		assertThat(status(doctor, "migrations"))
			.matches("FAIL 1 of \\d+ changesets pending \\(first: .+\\): " + "run `getaways migrate up`");
		assertThat(status(doctor, "extensions")).startsWith("OK");

		Result fresh = run("doctor", "--data-dir=" + temp.resolve("fresh").resolve("data"));
		assertThat(fresh.exitCode()).isEqualTo(1);
		assertThat(status(fresh, "migrations")).matches("FAIL (\\d+) of \\1 changesets pending .*");
		assertThat(status(fresh, "roles-rls")).isEqualTo("FAIL skipped: no migration applied yet");
		assertThat(run("migrate", "status", "--data-dir=" + temp.resolve("fresh").resolve("data")).out())
			.contains("0 applied");
	}

	@Test
	void wrongPasswordAndChangedChecksumFail() throws Exception {
		Path dataDir = temp.resolve("tampered").resolve("data");
		assertThat(run("migrate", "up", "--data-dir=" + dataDir).exitCode()).isZero();
		try (ConfigurableApplicationContext stores = new SpringApplicationBuilder(Object.class)
			.web(WebApplicationType.NONE)
			.run("--getaways.data-dir=" + dataDir, "--getaways.embedded.stores=postgres");
				Connection owner = DriverManager.getConnection(
						stores.getEnvironment().getRequiredProperty("spring.datasource.url"), "getaways_owner",
						stores.getEnvironment().getRequiredProperty("getaways.db.owner.password"));
				Statement statement = owner.createStatement()) {
			String url = stores.getEnvironment().getRequiredProperty("spring.datasource.url");
			// the embedded server trusts local logins, so an unknown role stands in for a
			// wrong password (FirstRunCommandsIT has one, on a server that checks them)
			Result wrongPassword = run("doctor", "--data-dir=" + dataDir, "--spring.datasource.url=" + url,
					"--spring.datasource.username=getaways_app", "--spring.datasource.password=wrong",
					"--getaways.db.owner.username=getaways_nobody", "--getaways.db.owner.password=wrong");
			assertThat(wrongPassword.exitCode()).isEqualTo(1);
			assertThat(status(wrongPassword, "postgresql")).isEqualTo("FAIL PostgreSQL at "
					+ url.replace("jdbc:postgresql://", "")
					+ ": authentication failed: user getaways_nobody refused (FATAL: role \"getaways_nobody\" does not"
					+ " exist): does the role exist, and does pg_hba.conf allow it?");
			statement.executeUpdate("UPDATE public.databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef'"
					+ " WHERE id = '003-trips'");
		}
		Result doctor = run("doctor", "--data-dir=" + dataDir);
		assertThat(doctor.exitCode()).isEqualTo(1);
		assertThat(status(doctor, "migrations")).startsWith("FAIL applied changesets do not match the changelog (")
			.contains("003-trips")
			.endsWith("): restore the changeset files of this release");
	}

	@Test
	void expiredCertificateFailsAndOneExpiringSoonWarns() throws Exception {
		Path expired = certificate(temp.resolve("expired.crt"), Instant.now().minus(Duration.ofDays(1)));
		Path soon = certificate(temp.resolve("soon.crt"), Instant.now().plus(Duration.ofDays(10)));
		Result doctor = run("doctor", "--data-dir=" + migrated,
				"--spring.ssl.bundle.pem.mongo.truststore.certificate=" + expired,
				"--spring.ssl.bundle.pem.redis.truststore.certificate=file:" + soon);
		assertThat(doctor.exitCode()).isEqualTo(1);
		assertThat(doctor.out())
			.containsPattern("FAIL +certificate +spring.ssl.bundle.pem.mongo.truststore.certificate: " + "CN=doctor in "
					+ Pattern.quote(expired.toString()) + " expired at .*: replace it");
		assertThat(doctor.out())
			.containsPattern("WARN +certificate +spring.ssl.bundle.pem.redis.truststore.certificate: "
					+ "CN=doctor in .* expires at .*, in less than 30 days: renew it");
	}

	/**
	 * The service runs in this JVM and doctor in a process of its own, as an operator
	 * runs it beside a service.
	 */
	@Test
	void serviceHoldingTheDirectoryIsReportedAndCheckedThroughWhatItLeavesThere() throws Exception {
		Path dataDir = temp.resolve("running").resolve("data");
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GetawaysApplication.class).run(
				"--getaways.data-dir=" + dataDir, "--server.port=0", "--logging.level.io.zonky=WARN",
				"--logging.level.liquibase=WARN")) {
			String port = service.getEnvironment().getRequiredProperty("local.server.port");
			Result doctor = inOwnProcess("doctor", "--data-dir=" + dataDir, "--server.port=" + port);
			assertThat(doctor.exitCode()).as(doctor.out()).isZero();
			assertThat(status(doctor, "service"))
				.isEqualTo("OK service running over " + dataDir + ", pid=" + ProcessHandle.current().pid()
						+ ": checking its stores as far as the data directory tells where they are");
			assertThat(status(doctor, "postgresql")).startsWith("OK PostgreSQL 17");
			assertThat(status(doctor, "migrations")).startsWith("OK");
			assertThat(status(doctor, "signing-keys")).startsWith("OK 1 active JWT signing key");
			assertThat(status(doctor, "mongodb")).isEqualTo("OK reported UP by the running service at http://localhost:"
					+ port + "/actuator/health (its port is not recorded in the data directory)");
			assertThat(status(doctor, "redis")).startsWith("OK reported UP");
			assertThat(doctor.out()).doesNotContain("Exception");
			Result json = inOwnProcess("doctor", "--json", "--data-dir=" + dataDir, "--server.port=" + port);
			assertThat(JsonMapper.builder().build().readTree(json.out()).path("status").asString()).isEqualTo("OK");
		}
	}

	private static Result inOwnProcess(String... args) throws Exception {
		// failsafe runs tests from a manifest-only jar; the real class path is in its own
		// property
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						classPath, GetawaysApplication.class.getName()));
		command.addAll(List.of(args));
		Path output = Files.createTempFile(temp, "doctor", ".out");
		Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("doctor did not finish within 120 s: " + Files.readString(output));
		}
		return new Result(List.of(args), process.exitValue(), Files.readString(output), "");
	}

	private static List<String[]> lines(String out) {
		List<String[]> lines = new ArrayList<>();
		Matcher matcher = LINE.matcher(out);
		while (matcher.find()) {
			lines.add(new String[] { matcher.group(1), matcher.group(2), matcher.group(3) });
		}
		return lines;
	}

	private static String status(Result result, String check) {
		return lines(result.out()).stream()
			.filter(line -> line[1].equals(check))
			.map(line -> line[0] + " " + line[2])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for " + check + " in\n" + result.out() + result.err()));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path certificate(Path file, Instant notAfter) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=doctor");
		var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
				Date.from(notAfter.minus(Duration.ofDays(365))), Date.from(notAfter), name, keys.getPublic())
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(new JcaX509CertificateConverter().getCertificate(holder));
		}
		return Files.writeString(file, pem.toString());
	}

}
