package io.getaways.operations.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.getaways.platform.embedded.EmbeddedStores.Store;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * TLS of each external store's connection, and the expiry of every certificate the
 * configuration names: the JDBC URL's {@code sslrootcert} and {@code sslcert}, PEM SSL
 * bundles, and the server's own.
 */
final class DoctorTlsCheck {

	static final String NAME = "tls";

	static final Duration EXPIRY_WARNING = Duration.ofDays(30);

	private static final Pattern JDBC_FILE = Pattern.compile("[?&](sslrootcert|sslcert)=([^&]+)");

	private static final Pattern CERTIFICATE_PROPERTY = Pattern.compile(
			"(spring\\.ssl\\.bundle\\.pem\\.[^.]+\\.(keystore|truststore)\\.certificate|server\\.ssl\\.certificate)");

	private DoctorTlsCheck() {
	}

	static List<DoctorFinding> check(DoctorTargets targets, ConfigurableEnvironment environment) {
		List<String> weak = new ArrayList<>();
		List<String> strong = new ArrayList<>();
		if (targets.postgres() != null && !targets.embedded().contains(Store.POSTGRES)) {
			Matcher mode = Pattern.compile("[?&]sslmode=([a-z-]+)").matcher(targets.postgres().url());
			String sslmode = mode.find() ? mode.group(1) : "prefer (default)";
			(sslmode.equals("verify-full") ? strong : weak).add("PostgreSQL sslmode=" + sslmode);
		}
		if (targets.mongoUri() != null && !targets.embedded().contains(Store.MONGO)) {
			String uri = targets.mongoUri().toLowerCase(Locale.ROOT);
			(uri.contains("tls=true") || uri.contains("ssl=true") ? strong : weak).add("MongoDB "
					+ (uri.contains("tls=true") || uri.contains("ssl=true") ? "tls=true" : "without tls=true"));
		}
		if (targets.redisUrl() != null && !targets.embedded().contains(Store.REDIS)) {
			(targets.redisUrl().startsWith("rediss://") ? strong : weak)
				.add("Redis " + (targets.redisUrl().startsWith("rediss://") ? "rediss://" : "redis:// (no TLS)"));
		}
		List<DoctorFinding> findings = new ArrayList<>();
		if (weak.isEmpty()) {
			findings.add(DoctorFinding.ok(NAME, strong.isEmpty()
					? "embedded stores listen on this host only; no TLS needed" : String.join(", ", strong)));
		}
		else {
			findings.add(DoctorFinding
				.warn(NAME, String.join(", ", weak) + (strong.isEmpty() ? "" : "; " + String.join(", ", strong))
						+ ": use sslmode=verify-full, tls=true and rediss:// off this host (docs/security.md#tls)"));
		}
		certificates(targets, environment).forEach((source, file) -> findings.add(expiry(source, file)));
		return findings;
	}

	private static Map<String, String> certificates(DoctorTargets targets, ConfigurableEnvironment environment) {
		Map<String, String> files = new LinkedHashMap<>();
		if (targets.postgres() != null) {
			Matcher matcher = JDBC_FILE.matcher(targets.postgres().url());
			while (matcher.find()) {
				files.put(matcher.group(1), matcher.group(2));
			}
		}
		for (var source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (CERTIFICATE_PROPERTY.matcher(name).matches() && !files.containsKey(name)) {
						files.put(name, environment.getProperty(name));
					}
				}
			}
		}
		return files;
	}

	static DoctorFinding expiry(String source, String location) {
		String check = "certificate";
		Path file = Path.of(location.replaceFirst("^(file:|optional:file:)", ""));
		if (location.startsWith("classpath:")) {
			return DoctorFinding.ok(check, source + ": " + location + " is on the class path; expiry not checked");
		}
		try (InputStream in = Files.newInputStream(file)) {
			Instant now = Instant.now();
			X509Certificate soonest = null;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				X509Certificate x509 = (X509Certificate) certificate;
				if (soonest == null || x509.getNotAfter().before(soonest.getNotAfter())) {
					soonest = x509;
				}
			}
			if (soonest == null) {
				return DoctorFinding.fail(check, source + ": no certificate in " + file);
			}
			Instant notAfter = soonest.getNotAfter().toInstant();
			String what = source + ": " + soonest.getSubjectX500Principal().getName() + " in " + file;
			if (notAfter.isBefore(now)) {
				return DoctorFinding.fail(check, what + " expired at " + notAfter + ": replace it");
			}
			if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
				return DoctorFinding.warn(check, what + " expires at " + notAfter + ", in less than 30 days: renew it");
			}
			return DoctorFinding.ok(check, what + " valid until " + notAfter);
		}
		catch (Exception ex) {
			return DoctorFinding.fail(check, source + ": cannot read certificate " + file + ": " + ex.getMessage());
		}
	}

}
