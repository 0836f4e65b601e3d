package io.getaways.travlr;

import java.util.Map;

import io.getaways.identity.Identity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Travlr's sign-up and sign-in: a one-hour token whose payload carries email, name and
 * exp, as its clients read.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Travlr compatibility")
class TravlrAuthController {

	private final Identity identity;

	TravlrAuthController(Identity identity) {
		this.identity = identity;
	}

	@PostMapping("/register")
	@Operation(summary = "Register: 200 {\"token\"}; 400 {\"message\":\"All fields are required\"}")
	Map<String, String> register(@RequestBody(required = false) Map<String, Object> body) {
		String name = TravlrFields.required(body, "name");
		String email = TravlrFields.required(body, "email");
		String password = TravlrFields.required(body, "password");
		return Map.of("token", identity.register(email, name, password, Identity.Client.TRAVLR).accessToken());
	}

	@PostMapping("/login")
	@Operation(summary = "Log in: 200 {\"token\"}; 401 {\"message\"} on bad credentials; any name field is ignored")
	Map<String, String> login(@RequestBody(required = false) Map<String, Object> body) {
		String email = TravlrFields.required(body, "email");
		String password = TravlrFields.required(body, "password");
		return Map.of("token", identity.signIn(email, password, Identity.Client.TRAVLR).accessToken());
	}

}
