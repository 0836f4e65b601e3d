package io.getaways.operations.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks of this host: the Java runtime, the data directory, and, while a service holds
 * that directory, what its health endpoint says of the stores doctor cannot reach.
 */
final class DoctorLocalChecks {

	static final DataSize FREE_SPACE_WARNING = DataSize.ofGigabytes(2);

	static final DataSize FREE_SPACE_FAILURE = DataSize.ofMegabytes(256);

	private DoctorLocalChecks() {
	}

	static DoctorFinding java() {
		Runtime.Version version = Runtime.version();
		String detail = "Java " + version + " (" + System.getProperty("java.vendor") + ")";
		return version.feature() >= 17 ? DoctorFinding.ok("java", detail)
				: DoctorFinding.fail("java", detail + ": Java 17 or later is required");
	}

	static DoctorFinding dataDirectory(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			Path probe = Files.createTempFile(dataDir, ".doctor", ".tmp");
			Files.delete(probe);
			FileStore store = Files.getFileStore(dataDir);
			DataSize free = DataSize.ofBytes(store.getUsableSpace());
			String detail = dataDir + " writable, " + free.toMegabytes() + " MB free";
			if (free.compareTo(FREE_SPACE_FAILURE) < 0) {
				return DoctorFinding.fail("data-dir", detail + ": free at least " + FREE_SPACE_WARNING.toGigabytes()
						+ " GB, or move getaways.data-dir to a larger disk");
			}
			if (free.compareTo(FREE_SPACE_WARNING) < 0) {
				return DoctorFinding.warn("data-dir", detail + ": less than " + FREE_SPACE_WARNING.toGigabytes()
						+ " GB left; free space before PostgreSQL runs out");
			}
			return DoctorFinding.ok("data-dir", detail);
		}
		catch (IOException ex) {
			String why = ex instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
					: ex instanceof java.nio.file.AccessDeniedException ? "permission denied" : ex.getMessage();
			return DoctorFinding.fail("data-dir", dataDir + " is not writable (" + why
					+ "): fix its owner or mode, or set getaways.data-dir (GETAWAYS_DATA_DIR)");
		}
	}

	/**
	 * One finding per store the running service reports on, or one saying what could not
	 * be checked.
	 */
	static List<DoctorFinding> serviceHealth(String healthUrl, List<String> stores) {
		List<DoctorFinding> findings = new ArrayList<>();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode components = JsonMapper.builder().build().readTree(response.body()).path("components");
			for (String store : stores) {
				String status = components.path(store).path("status").asString("UNKNOWN");
				String detail = "reported " + status + " by the running service at " + healthUrl
						+ " (its port is not recorded in the data directory)";
				findings.add(status.equals("UP") ? DoctorFinding.ok(storeName(store), detail)
						: DoctorFinding.fail(storeName(store), detail + ": see the service's log"));
			}
		}
		catch (IOException | RuntimeException ex) {
			stores.forEach(store -> findings.add(DoctorFinding.warn(storeName(store),
					"not checked: the running service's embedded " + store + " port is not recorded in the data "
							+ "directory and its health endpoint " + healthUrl + " did not answer (" + ex + ")")));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return findings;
	}

	private static String storeName(String component) {
		return component.equals("mongo") ? DoctorStoreChecks.MONGO : DoctorStoreChecks.REDIS;
	}

}
