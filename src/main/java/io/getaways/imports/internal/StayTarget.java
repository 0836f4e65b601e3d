package io.getaways.imports.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayDraft;

/**
 * Stays through the catalog's API: the row, its audit entry and the event that carries
 * its content to MongoDB and the search table are one transaction, as when the catalog's
 * administration creates a stay. The checks are the table's constraints, made before
 * writing so that a dry run finds the same rejections.
 */
final class StayTarget implements BulkTarget<StayDraft> {

	private static final Pattern CODE = Pattern.compile("^[A-Z0-9]{4,20}$");

	private final Catalog catalog;

	StayTarget(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public StayDraft row(Map<String, Object> fields) {
		String code = ImportTarget.text(fields, "code", 20, true).toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			throw new RowRejectedException("code", "must be 4 to 20 letters and digits");
		}
		String name = ImportTarget.text(fields, "name", 120, true);
		String country = ImportTarget.text(fields, "country", 80, true);
		String city = ImportTarget.text(fields, "city", 80, true);
		TargetFields.Amount price = TargetFields.amount(fields, "price_per_night", true);
		String currency = TargetFields.currency(fields, price, true);
		int maxGuests = fields.get("max_guests") == null ? 0
				: Conversions.integer("max_guests", fields.get("max_guests"));
		if (maxGuests < 1 || maxGuests > 50) {
			throw new RowRejectedException("max_guests", "must be between 1 and 50");
		}
		StayContent content = new StayContent(1, ImportTarget.text(fields, "description", 20_000, false),
				ImportTarget.text(fields, "image", 2_000, false), null, null, null, null);
		return new StayDraft(code, name, country, city, price.value(), currency, maxGuests, content);
	}

	@Override
	public String key(StayDraft row) {
		return row.code();
	}

	@Override
	public boolean exists(StayDraft row) {
		return !catalog.takenStayCodes(List.of(row.code())).isEmpty();
	}

	@Override
	public void insert(StayDraft row) {
		catalog.createStays(List.of(row));
	}

	@Override
	public Set<String> existing(List<StayDraft> rows) {
		return catalog.takenStayCodes(rows.stream().map(StayDraft::code).toList());
	}

	@Override
	public List<Outcome> insertAll(List<StayDraft> rows) {
		Set<String> created = new HashSet<>(catalog.createStays(rows));
		return rows.stream().map(row -> created.contains(row.code()) ? Outcome.INSERTED : Outcome.SKIPPED).toList();
	}

	@Override
	public String canonical(StayDraft row) {
		return String.join("|", row.code(), row.name(), row.country(), row.city(),
				row.pricePerNight().stripTrailingZeros().toPlainString(), row.currency(),
				Integer.toString(row.maxGuests()), String.valueOf(row.content().description()),
				String.valueOf(row.content().image()));
	}

}
