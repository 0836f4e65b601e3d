package io.getaways.identity.internal;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "Public keys that verify access tokens, including recently retired ones")
	Map<String, Object> jwks() {
		return keys.publicKeys().toJSONObject(true);
	}

}
