package io.getaways.catalog.internal.admin;

import java.math.BigDecimal;
import java.util.Map;

import io.getaways.catalog.StayContent;
import io.getaways.catalog.internal.Stay;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.catalog.StayDraft;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A stay as the console's form edits it: the facts, with the same bounds as the admin
 * API's {@link StayRequest}, and the content's description and amenities (one a line).
 * The content's other fields (images, keywords, attributes) are kept as they are.
 */
public class StayForm {

	@Pattern(regexp = TripRequest.CODE, message = TripRequest.CODE_MESSAGE)
	private String code;

	@NotBlank
	@Size(max = 120)
	private String name;

	@NotBlank
	@Size(max = 80)
	private String country;

	@NotBlank
	@Size(max = 80)
	private String city;

	@NotNull
	@DecimalMin("0")
	@Digits(integer = 10, fraction = 2)
	private BigDecimal pricePerNight;

	@NotNull
	@KnownCurrency
	private String currency = "USD";

	@NotNull
	@Min(1)
	@Max(50)
	private Integer maxGuests;

	@Size(max = 20_000)
	private String description;

	@Size(max = 10_000)
	private String amenities;

	static StayForm of(StayDetails details) {
		Stay stay = details.stay();
		StayForm form = new StayForm();
		form.code = stay.code();
		form.name = stay.name();
		form.country = stay.country();
		form.city = stay.city();
		form.pricePerNight = stay.pricePerNight();
		form.currency = stay.currency();
		form.maxGuests = stay.maxGuests();
		if (details.contentAvailable()) {
			form.description = details.content().description();
			form.amenities = String.join("\n", details.content().amenities());
		}
		return form;
	}

	/** The draft, keeping the content fields the form does not edit from {@code kept}. */
	StayDraft toDraft(String stayCode, StayContent kept) {
		StayContent base = kept == null ? StayContent.empty() : kept;
		StayContent content = new StayContent(base.version(), description, base.image(), base.images(),
				FormLines.of(amenities), base.keywords(), base.attributes() == null ? Map.of() : base.attributes());
		return new StayDraft(stayCode, name.strip(), country.strip(), city.strip(), pricePerNight, currency, maxGuests,
				content);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCountry() {
		return country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public BigDecimal getPricePerNight() {
		return pricePerNight;
	}

	public void setPricePerNight(BigDecimal pricePerNight) {
		this.pricePerNight = pricePerNight;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public Integer getMaxGuests() {
		return maxGuests;
	}

	public void setMaxGuests(Integer maxGuests) {
		this.maxGuests = maxGuests;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getAmenities() {
		return amenities;
	}

	public void setAmenities(String amenities) {
		this.amenities = amenities;
	}

}
