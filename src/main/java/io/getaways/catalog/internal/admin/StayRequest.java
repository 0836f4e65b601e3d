package io.getaways.catalog.internal.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayDraft;
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
 * A whole stay as an admin sends it; the bounds mirror the table's constraints so that
 * bad input never reaches it.
 */
record StayRequest(
		@Schema(description = "Required when creating; when replacing, the path's code (and may be left out)",
				example = "VILLAOIA") @Pattern(regexp = TripRequest.CODE,
						message = TripRequest.CODE_MESSAGE) String code,
		@Schema(example = "Villa Oia Caldera") @NotBlank @Size(max = 120) String name,
		@Schema(example = "Greece") @NotBlank @Size(max = 80) String country,
		@Schema(example = "Oia") @NotBlank @Size(max = 80) String city,
		@Schema(example = "420.00") @NotNull @DecimalMin("0") @Digits(integer = 10,
				fraction = 2) BigDecimal pricePerNight,
		@Schema(example = "EUR") @NotNull @KnownCurrency String currency,
		@Schema(example = "6") @NotNull @Min(1) @Max(50) Integer maxGuests,
		@Schema(description = "Replaced as a whole under a new content version; left out on a replacement, the "
				+ "content and its version stay as they are") @Valid Content content) {

	record Content(@Size(max = 20_000) String description, @Size(max = 500) String image,
			@Size(max = 50) List<@NotBlank @Size(max = 500) String> images,
			@Size(max = 50) List<@NotBlank @Size(max = 200) String> amenities,
			@Size(max = 50) List<@NotBlank @Size(max = 100) String> keywords,
			@Schema(description = "Any further fields, kept in the content document",
					example = "{\"bedrooms\":3}") @ContentAttributes Map<String, Object> attributes) {

		StayContent toContent() {
			return new StayContent(1, description, image, images, amenities, keywords,
					Attributes.withoutNulls(attributes));
		}
	}

	StayDraft toDraft(String stayCode) {
		return new StayDraft(stayCode, name, country, city, pricePerNight, currency, maxGuests,
				content == null ? null : content.toContent());
	}
}
