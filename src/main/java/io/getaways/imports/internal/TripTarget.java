package io.getaways.imports.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDraft;

/**
 * Trips through the catalog's API, so the row, its audit entry and the event that carries
 * its content to MongoDB are one transaction. The checks are the table's constraints,
 * made before writing so that a dry run finds the same rejections.
 */
final class TripTarget implements BulkTarget<TripDraft> {

	private static final Pattern CODE = Pattern.compile("^[A-Z0-9]{4,20}$");

	private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

	private final Catalog catalog;

	private final TargetContent content;

	TripTarget(Catalog catalog, TargetContent content) {
		this.content = content;
		this.catalog = catalog;
	}

	@Override
	public TripDraft row(Map<String, Object> fields) {
		String code = ImportTarget.text(fields, "code", 20, true).toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			throw new RowRejectedException("code", "must be 4 to 20 letters and digits");
		}
		String name = ImportTarget.text(fields, "name", 120, true);
		String resort = ImportTarget.text(fields, "resort", 120, true);
		Instant departs = instant(fields, "departs_at", true);
		int nights = nights(fields, departs);
		String currency = fields.get("currency") == null ? null
				: String.valueOf(fields.get("currency")).trim().toUpperCase(Locale.ROOT);
		BigDecimal price;
		if (fields.get("price") instanceof Conversions.Money money) {
			price = money.amount();
			currency = money.currency() != null ? money.currency() : currency;
		}
		else if (fields.get("price") != null) {
			price = Conversions.decimal("price", fields.get("price"));
		}
		else {
			throw new RowRejectedException("price", "is missing");
		}
		if (price.signum() < 0) {
			throw new RowRejectedException("price", "must not be negative");
		}
		if (price.scale() > 2 || price.precision() - price.scale() > 10) {
			throw new RowRejectedException("price", "must have at most 10 digits and 2 decimals");
		}
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			throw new RowRejectedException("currency", "must be a three-letter code such as USD");
		}
		int capacity = fields.get("capacity") == null ? 0 : Conversions.integer("capacity", fields.get("capacity"));
		if (capacity < 1) {
			throw new RowRejectedException("capacity", "must be at least 1");
		}
		TripContent content = new TripContent(1, ImportTarget.text(fields, "description", 20_000, false),
				ImportTarget.text(fields, "image", 2_000, false), null, null, null, null);
		return new TripDraft(code, name, resort, departs, nights, price, currency, capacity, content);
	}

	/** Nights as given, or from a return date, which must come after the departure. */
	private static int nights(Map<String, Object> fields, Instant departs) {
		int nights;
		if (fields.get("nights") != null) {
			nights = Conversions.integer("nights", fields.get("nights"));
		}
		else {
			Instant returns = instant(fields, "returns_at", true);
			if (!returns.isAfter(departs)) {
				throw new RowRejectedException("returns_at", "must be after departs_at");
			}
			nights = (int) Math.max(1, Duration.between(departs, returns).toDays());
		}
		if (nights < 1 || nights > 365) {
			throw new RowRejectedException("nights", "must be between 1 and 365");
		}
		return nights;
	}

	private static Instant instant(Map<String, Object> fields, String field, boolean required) {
		Object value = fields.get(field);
		if (value == null) {
			if (required) {
				throw new RowRejectedException(field, "is missing");
			}
			return null;
		}
		return value instanceof Instant instant ? instant : Conversions.instant(field, value);
	}

	@Override
	public String key(TripDraft row) {
		return row.code();
	}

	@Override
	public boolean exists(TripDraft row) {
		return catalog.findTrip(row.code()).isPresent();
	}

	@Override
	public void insert(TripDraft row) {
		catalog.createTrip(row);
	}

	@Override
	public Set<String> existing(List<TripDraft> rows) {
		return catalog.takenTripCodes(rows.stream().map(TripDraft::code).toList());
	}

	@Override
	public List<Outcome> insertAll(List<TripDraft> rows) {
		Set<String> created = new HashSet<>(catalog.createTrips(rows));
		return rows.stream().map(row -> created.contains(row.code()) ? Outcome.INSERTED : Outcome.SKIPPED).toList();
	}

	/**
	 * Description and image are left out: they live in MongoDB and reach it after commit
	 * through the outbox, so the target side could not read them in the batch.
	 */
	@Override
	public String canonical(TripDraft row) {
		return ImportTarget.joined(row.code(), row.name(), row.resort(), TargetContent.instant(row.departsAt()),
				Integer.toString(row.nights()), TargetContent.decimal(row.pricePerPerson()), row.currency(),
				Integer.toString(row.capacity()));
	}

	@Override
	public List<String> readBack(List<TripDraft> rows) {
		Map<String, String[]> found = content.trips(rows.stream().map(TripDraft::code).toList());
		return rows.stream().map(row -> ImportTarget.joined(found.get(row.code()))).toList();
	}

	@Override
	public boolean readsBack() {
		return true;
	}

}
