package io.getaways.catalog.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.StayDraft;
import io.getaways.platform.StoreMetrics.Store;
import io.getaways.platform.StoreMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stay facts in {@code app.stays}. Every SQL fragment is a constant; input only ever
 * arrives as a parameter.
 */
@Repository
class StayRepository implements ListingRows<Stay> {

	static final String COLUMNS = """
			code, name, country, city, price_per_night, currency, max_guests, status, content_version,
			rating_average, review_count""";

	private static final String INSERT = """
			INSERT INTO app.stays (code, name, country, city, price_per_night, currency, max_guests)
			VALUES (:code, :name, :country, :city, :price, :currency, :maxGuests)
			RETURNING""" + " " + COLUMNS;

	/** The content version moves only when the draft brings content. */
	private static final String REPLACE = """
			UPDATE app.stays
			SET name = :name, country = :country, city = :city, price_per_night = :price, currency = :currency,
			    max_guests = :maxGuests, content_version = content_version + :contentStep
			WHERE code = :code
			RETURNING""" + " " + COLUMNS;

	private static final String CHANGE_STATUS = """
			UPDATE app.stays
			SET status = :status
			WHERE code = :code
			  AND status <> :status
			RETURNING""" + " " + COLUMNS;

	/**
	 * Through the SECURITY DEFINER function: who booked stays hidden by row-level
	 * security, when is public.
	 */
	private static final String OCCUPANCY = """
			SELECT o.check_in, o.check_out
			FROM app.stays s
			CROSS JOIN LATERAL app.stay_occupancy(s.id, :from, :to) o
			WHERE s.code = :code
			ORDER BY o.check_in""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	StayRepository(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	@Override
	public Optional<Stay> findByCode(String code) {
		return metrics.record(Store.POSTGRES, "stay.find",
				() -> jdbc.sql("SELECT " + COLUMNS + " FROM app.stays WHERE code = :code")
					.param("code", code)
					.query(StayRepository::mapStay)
					.optional());
	}

	List<Stay> search(StayQuery query) {
		StayFilter filter = StayFilter.of(query);
		return metrics.record(Store.POSTGRES, "stay.search",
				() -> jdbc
					.sql("SELECT " + COLUMNS + " FROM app.stays s " + filter.where() + " "
							+ StayFilter.order(query.sort()) + " LIMIT :limit OFFSET :offset")
					.params(filter.params())
					.param("limit", query.size())
					.param("offset", query.offset())
					.query(StayRepository::mapStay)
					.list());
	}

	long count(StayQuery query) {
		StayFilter filter = StayFilter.of(query);
		return metrics.record(Store.POSTGRES, "stay.count",
				() -> jdbc.sql("SELECT count(*) FROM app.stays s " + filter.where())
					.params(filter.params())
					.query(Long.class)
					.single());
	}

	List<StayOccupancy> occupancy(String code, LocalDate from, LocalDate to) {
		return metrics.record(Store.POSTGRES, "stay.occupancy",
				() -> jdbc.sql(OCCUPANCY)
					.param("code", code)
					.param("from", Date.valueOf(from))
					.param("to", Date.valueOf(to))
					.query((row, number) -> new StayOccupancy(row.getDate("check_in").toLocalDate(),
							row.getDate("check_out").toLocalDate()))
					.list());
	}

	Set<String> takenCodes(Collection<String> codes) {
		return new HashSet<>(metrics.record(Store.POSTGRES, "stay.taken-codes",
				() -> jdbc.sql("SELECT code FROM app.stays WHERE code = ANY (:codes)")
					.param("codes", codes.toArray(String[]::new))
					.query(String.class)
					.list()));
	}

	Stay insert(StayDraft draft) {
		return metrics.record(Store.POSTGRES, "stay.insert",
				() -> jdbc.sql(INSERT).params(draftParams(draft)).query(StayRepository::mapStay).single());
	}

	Optional<Stay> replace(StayDraft draft) {
		return metrics.record(Store.POSTGRES, "stay.replace",
				() -> jdbc.sql(REPLACE)
					.params(draftParams(draft))
					.param("contentStep", draft.content() == null ? 0 : 1)
					.query(StayRepository::mapStay)
					.optional());
	}

	@Override
	public Optional<Stay> changeStatus(String code, ListingStatus status) {
		return metrics.record(Store.POSTGRES, "stay.status",
				() -> jdbc.sql(CHANGE_STATUS)
					.param("code", code)
					.param("status", status.name())
					.query(StayRepository::mapStay)
					.optional());
	}

	private static Map<String, Object> draftParams(StayDraft draft) {
		Map<String, Object> params = new TreeMap<>();
		params.put("code", draft.code());
		params.put("name", draft.name());
		params.put("country", draft.country());
		params.put("city", draft.city());
		params.put("price", draft.pricePerNight());
		params.put("currency", draft.currency());
		params.put("maxGuests", draft.maxGuests());
		return params;
	}

	private static Stay mapStay(ResultSet row, int rowNumber) throws SQLException {
		return new Stay(row.getString("code"), row.getString("name"), row.getString("country"), row.getString("city"),
				row.getBigDecimal("price_per_night"), row.getString("currency"), row.getInt("max_guests"),
				ListingStatus.valueOf(row.getString("status")), row.getLong("content_version"),
				row.getBigDecimal("rating_average"), row.getInt("review_count"));
	}

}
