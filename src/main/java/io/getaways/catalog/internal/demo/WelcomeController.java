package io.getaways.catalog.internal.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service root: where the API and its documentation are, what can be booked now, and
 * the commands that book it.
 */
@RestController
@Tag(name = "Service", description = "Where to start")
class WelcomeController {

	private final FirstBooking firstBooking;

	WelcomeController(FirstBooking firstBooking) {
		this.firstBooking = firstBooking;
	}

	/**
	 * No {@code produces}: a browser asking for text/html gets the home page (catalog's
	 * TripPagesController), and anything else, {@code *}{@code /*} or no Accept at all,
	 * still gets this JSON, which a {@code produces} on both would make ambiguous.
	 */
	@GetMapping(path = "/")
	@Operation(summary = "Links to the API, its documentation and health, and a first booking to try")
	Map<String, Object> welcome() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		FirstBooking.Suggestions suggestions = firstBooking.suggest();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service", "Getaways");
		answer.put("api", base + "/api/v1");
		answer.put("travlrApi", base + "/api");
		answer.put("documentation", base + "/swagger-ui.html");
		answer.put("health", base + "/actuator/health");
		answer.put("bookableTrips", suggestions.trips());
		answer.put("bookableStays", suggestions.stays());
		answer.put("tryIt", FirstBooking.commands(base, suggestions));
		return answer;
	}

}
