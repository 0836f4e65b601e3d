package io.getaways.catalog;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service root guides a newcomer to a first booking: it names upcoming listings with
 * room, and its commands, pasted into a shell as they are, register, book and pay.
 */
@IntegrationTest
class FirstBookingIT {

	@LocalServerPort
	int port;

	@Test
	void theRootNamesBookableListingsWithLinks() {
		Answer root = new HttpApi(port).get("/");
		assertThat(root.status()).as(root.toString()).isEqualTo(200);
		JsonNode answer = root.json();
		assertThat(answer.path("documentation").asString()).endsWith("/swagger-ui.html");
		assertThat(answer.path("bookableTrips").size()).isBetween(1, 3);
		answer.path("bookableTrips").forEach(trip -> {
			assertThat(LocalDate.parse(trip.path("departs").asString())).isAfter(LocalDate.now());
			assertThat(trip.path("seatsLeft").asInt()).isPositive();
		});
		assertThat(answer.path("tryIt").size()).isEqualTo(3);
	}

	@Test
	void theCommandsBookAndPayAsTheyAre() throws IOException, InterruptedException {
		List<String> commands = new HttpApi(port).get("/")
			.json()
			.path("tryIt")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
		// a database shared by earlier runs already has you@example.com
		String script = String.join("\n", commands)
			.replace("you@example.com", "first-" + UUID.randomUUID() + "@example.com");
		Process shell = new ProcessBuilder("bash", "-euc", script).redirectErrorStream(true).start();
		assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String printed = new String(shell.getInputStream().readAllBytes());
		assertThat(shell.exitValue()).as(printed).isZero();
		assertThat(printed).contains("\"status\":\"CONFIRMED\"");
	}

}
