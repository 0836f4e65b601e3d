package io.getaways.catalog.internal.admin;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.getaways.catalog.Trip;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A trip as the console's form edits it: the facts, with the same bounds as the admin
 * API's {@link TripRequest}, and the content's description and highlights (one a line).
 * The content's other fields (images, keywords, attributes) are kept as they are.
 */
public class TripForm {

	@Pattern(regexp = TripRequest.CODE, message = TripRequest.CODE_MESSAGE)
	private String code;

	@NotBlank
	@Size(max = 120)
	private String name;

	@NotBlank
	@Size(max = 120)
	private String resort;

	/** UTC, as the page says. */
	@NotNull
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime departsAt;

	@NotNull
	@Min(1)
	@Max(365)
	private Integer nights;

	@NotNull
	@DecimalMin("0")
	@Digits(integer = 10, fraction = 2)
	private BigDecimal pricePerPerson;

	@NotNull
	@KnownCurrency
	private String currency = "USD";

	@NotNull
	@Min(1)
	@Max(TripRequest.MAX_CAPACITY)
	private Integer capacity;

	@Size(max = 20_000)
	private String description;

	@Size(max = 10_000)
	private String highlights;

	static TripForm of(TripDetails details) {
		Trip trip = details.trip();
		TripForm form = new TripForm();
		form.code = trip.code();
		form.name = trip.name();
		form.resort = trip.resort();
		form.departsAt = LocalDateTime.ofInstant(trip.departsAt(), ZoneOffset.UTC);
		form.nights = trip.nights();
		form.pricePerPerson = trip.pricePerPerson();
		form.currency = trip.currency();
		form.capacity = trip.capacity();
		TripContent content = details.contentAvailable() ? details.content() : null;
		if (content != null) {
			form.description = content.description();
			form.highlights = content.highlights() == null ? null : String.join("\n", content.highlights());
		}
		return form;
	}

	/** The draft, keeping the content fields the form does not edit from {@code kept}. */
	TripDraft toDraft(String tripCode, TripContent kept) {
		TripContent base = kept == null ? TripContent.empty() : kept;
		TripContent content = new TripContent(base.version(), description, base.image(), base.images(),
				FormLines.of(highlights), base.keywords(), base.attributes() == null ? Map.of() : base.attributes());
		return new TripDraft(tripCode, name.strip(), resort.strip(), departsAt.toInstant(ZoneOffset.UTC), nights,
				pricePerPerson, currency, capacity, content);
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

	public String getResort() {
		return resort;
	}

	public void setResort(String resort) {
		this.resort = resort;
	}

	public LocalDateTime getDepartsAt() {
		return departsAt;
	}

	public void setDepartsAt(LocalDateTime departsAt) {
		this.departsAt = departsAt;
	}

	public Integer getNights() {
		return nights;
	}

	public void setNights(Integer nights) {
		this.nights = nights;
	}

	public BigDecimal getPricePerPerson() {
		return pricePerPerson;
	}

	public void setPricePerPerson(BigDecimal pricePerPerson) {
		this.pricePerPerson = pricePerPerson;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public Integer getCapacity() {
		return capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getHighlights() {
		return highlights;
	}

	public void setHighlights(String highlights) {
		this.highlights = highlights;
	}

}
