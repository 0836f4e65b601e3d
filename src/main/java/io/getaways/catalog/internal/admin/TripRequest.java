package io.getaways.catalog.internal.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A whole trip as an admin sends it; the bounds mirror the table's constraints so that
 * bad input never reaches it.
 */
record TripRequest(
		@Schema(description = "Required when creating; when replacing, the path's code (and may be left out)",
				example = "CORAL260614") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
		@Schema(example = "Coral Coast") @NotBlank @Size(max = 120) String name,
		@Schema(example = "Coral Sands, 5 stars") @NotBlank @Size(max = 120) String resort,
		@Schema(description = "In the future when creating",
				example = "2026-06-14T08:00:00Z") @NotNull Instant departsAt,
		@Schema(example = "7") @NotNull @Min(1) @Max(365) Integer nights,
		@Schema(example = "1299.00") @NotNull @DecimalMin("0") @Digits(integer = 10,
				fraction = 2) BigDecimal pricePerPerson,
		@Schema(example = "USD") @NotNull @KnownCurrency String currency,
		@Schema(example = "24") @NotNull @Min(1) @Max(MAX_CAPACITY) Integer capacity,
		@Schema(description = "Replaced as a whole under a new content version; left out on a replacement, the "
				+ "content and its version stay as they are") @Valid Content content) {

	static final String CODE = "^[A-Z0-9]{4,20}$";
	static final String CODE_MESSAGE = "must be 4 to 20 capital letters or digits";
	static final int MAX_CAPACITY = 1000;

	record Content(@Size(max = 20_000) String description, @Size(max = 500) String image,
			@Size(max = 50) List<@NotBlank @Size(max = 500) String> images,
			@Size(max = 50) List<@NotBlank @Size(max = 200) String> highlights,
			@Size(max = 50) List<@NotBlank @Size(max = 100) String> keywords,
			@Schema(description = "Any further fields, kept in the content document",
					example = "{\"difficulty\":\"easy\"}") @ContentAttributes Map<String, Object> attributes) {

		TripContent toContent() {
			return new TripContent(1, description, image, images, highlights, keywords,
					Attributes.withoutNulls(attributes));
		}
	}

	TripDraft toDraft(String tripCode) {
		return new TripDraft(tripCode, name, resort, departsAt, nights, pricePerPerson, currency, capacity,
				content == null ? null : content.toContent());
	}
}
