package io.getaways.identity.internal;

import java.util.List;

import io.getaways.identity.RateLimitOverride;
import io.getaways.identity.RateLimitOverrideAdministration;
import io.getaways.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/rate-limits")
@PreAuthorize("hasAuthority('users:manage')")
@Tag(name = "Admin: rate limits", description = "Per-subject rate limits in place of the defaults")
class AdminRateLimitsController {

	static final int MAX_CAPACITY = 1_000_000;

	private final RateLimitOverrideAdministration overrides;

	AdminRateLimitsController(RateLimitOverrideAdministration overrides) {
		this.overrides = overrides;
	}

	@GetMapping
	@Operation(summary = "Every override, by subject")
	List<RateLimitOverride> list() {
		return overrides.overrides();
	}

	@PutMapping("/{subject}")
	@Operation(summary = "Set a subject's limit (user:<id>, apikey:<id>, client:<client id> or ip:<address>)",
			description = "Replaces any earlier override; this instance applies it at once, others within their "
					+ "reload interval.")
	RateLimitOverride set(
			@PathVariable @Pattern(regexp = RateLimitOverride.SUBJECT,
					message = "must be user:, apikey:, client: or ip: followed by the id") String subject,
			@Valid @RequestBody Limit limit) {
		return overrides.set(subject, limit.capacity(), limit.refillPerMinute(), limit.note());
	}

	@DeleteMapping("/{subject}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a subject's override; the default limit applies again")
	void remove(@PathVariable String subject) {
		if (!overrides.remove(subject)) {
			throw new NoOverride(subject);
		}
	}

	record Limit(@NotNull @Min(1) @Max(MAX_CAPACITY) Integer capacity,
			@NotNull @Min(1) @Max(MAX_CAPACITY) Integer refillPerMinute, @Size(max = 200) String note) {
	}

	static class NoOverride extends DomainException {

		NoOverride(String subject) {
			super(Kind.NOT_FOUND, "No rate-limit override for " + subject);
		}

	}

}
