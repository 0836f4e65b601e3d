package io.getaways.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripDraft;
import io.getaways.platform.StagingTables;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trip facts in {@code app.trips}. Every SQL fragment is a constant; input only ever
 * arrives as a parameter.
 */
@Repository
class TripRepository implements ListingRows<Trip> {

	private static final String COLUMNS = """
			code, name, resort, departs_at, nights, price_per_person, currency, capacity, seats_booked, status,
			content_version, rating_average, review_count""";

	private static final Map<TripQuery.Sort, String> ORDER = Map.of(TripQuery.Sort.DEPARTURE,
			"ORDER BY departs_at, code", TripQuery.Sort.PRICE, "ORDER BY price_per_person, code", TripQuery.Sort.NAME,
			"ORDER BY name, code", TripQuery.Sort.RATING, "ORDER BY rating_average DESC NULLS LAST, code");

	private static final String INSERT = """
			INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, currency, capacity)
			VALUES (:code, :name, :resort, :departsAt, :nights, :price, :currency, :capacity)
			RETURNING""" + " " + COLUMNS;

	/**
	 * One statement decides, against the row as it is when locked, whether the capacity
	 * still covers the seats booked; a booking committed a moment earlier is never
	 * overbooked by a capacity change. The content version moves only when the draft
	 * brings content.
	 */
	private static final String STAGING_COLUMNS = """
			ord integer, code text, name text, resort text, departs_at timestamptz, nights integer,
			price_per_person numeric(12, 2), currency text, capacity integer""";

	private static final String INSERT_ALL = """
			INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, currency, capacity)
			SELECT code, name, resort, departs_at, nights, price_per_person, currency, capacity
			FROM pg_temp.import_trips
			ORDER BY ord
			ON CONFLICT (code) DO NOTHING
			RETURNING""" + " " + COLUMNS;

	private static final String REPLACE = """
			UPDATE app.trips
			SET name = :name, resort = :resort, departs_at = :departsAt, nights = :nights,
			    price_per_person = :price, currency = :currency, capacity = :capacity,
			    content_version = content_version + :contentStep
			WHERE code = :code
			  AND seats_booked <= :capacity
			RETURNING""" + " " + COLUMNS;

	private static final String CHANGE_STATUS = """
			UPDATE app.trips
			SET status = :status
			WHERE code = :code
			  AND status <> :status
			RETURNING""" + " " + COLUMNS;

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	private final StagingTables staging;

	TripRepository(JdbcClient jdbc, StoreMetrics metrics, StagingTables staging) {
		this.staging = staging;
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	@Override
	public Optional<Trip> findByCode(String code) {
		return metrics.record(Store.POSTGRES, "trip.find",
				() -> jdbc.sql("SELECT " + COLUMNS + " FROM app.trips WHERE code = :code")
					.param("code", code)
					.query(TripRepository::mapTrip)
					.optional());
	}

	List<Trip> findAllActive() {
		return metrics.record(Store.POSTGRES, "trip.list",
				() -> jdbc
					.sql("SELECT " + COLUMNS + " FROM app.trips WHERE status = 'ACTIVE' ORDER BY departs_at, code")
					.query(TripRepository::mapTrip)
					.list());
	}

	List<Trip> search(TripQuery query) {
		Filter filter = Filter.of(query);
		return metrics.record(Store.POSTGRES, "trip.search",
				() -> jdbc
					.sql("SELECT " + COLUMNS + " FROM app.trips " + filter.where() + " " + ORDER.get(query.sort())
							+ " LIMIT :limit OFFSET :offset")
					.params(filter.params())
					.param("limit", query.size())
					.param("offset", query.offset())
					.query(TripRepository::mapTrip)
					.list());
	}

	long count(TripQuery query) {
		Filter filter = Filter.of(query);
		return metrics.record(Store.POSTGRES, "trip.count",
				() -> jdbc.sql("SELECT count(*) FROM app.trips " + filter.where())
					.params(filter.params())
					.query(Long.class)
					.single());
	}

	/** In the caller's transaction: the batch copied into a staging table, one insert. */
	List<Trip> insertAll(List<TripDraft> drafts) {
		List<List<?>> staged = new ArrayList<>(drafts.size());
		for (TripDraft draft : drafts) {
			staged.add(Arrays.asList(staged.size(), draft.code(), draft.name(), draft.resort(), draft.departsAt(),
					draft.nights(), draft.pricePerPerson().toPlainString(), draft.currency(), draft.capacity()));
		}
		return metrics.record(Store.POSTGRES, "trip.insert-all", () -> {
			staging.fill("import_trips", STAGING_COLUMNS, staged);
			return jdbc.sql(INSERT_ALL).query(TripRepository::mapTrip).list();
		});
	}

	Set<String> takenCodes(Collection<String> codes) {
		return new HashSet<>(metrics.record(Store.POSTGRES, "trip.taken-codes",
				() -> jdbc.sql("SELECT code FROM app.trips WHERE code = ANY (:codes)")
					.param("codes", codes.toArray(String[]::new))
					.query(String.class)
					.list()));
	}

	Trip insert(TripDraft draft) {
		return metrics.record(Store.POSTGRES, "trip.insert",
				() -> jdbc.sql(INSERT).params(draftParams(draft)).query(TripRepository::mapTrip).single());
	}

	/**
	 * Empty when there is no such trip or its seats booked exceed the new capacity;
	 * {@link #findByCode} tells which.
	 */
	Optional<Trip> replace(TripDraft draft) {
		return metrics.record(Store.POSTGRES, "trip.replace",
				() -> jdbc.sql(REPLACE)
					.params(draftParams(draft))
					.param("contentStep", draft.content() == null ? 0 : 1)
					.query(TripRepository::mapTrip)
					.optional());
	}

	@Override
	public Optional<Trip> changeStatus(String code, ListingStatus status) {
		return metrics.record(Store.POSTGRES, "trip.status",
				() -> jdbc.sql(CHANGE_STATUS)
					.param("code", code)
					.param("status", status.name())
					.query(TripRepository::mapTrip)
					.optional());
	}

	private static Map<String, Object> draftParams(TripDraft draft) {
		Map<String, Object> params = new TreeMap<>();
		params.put("code", draft.code());
		params.put("name", draft.name());
		params.put("resort", draft.resort());
		params.put("departsAt", Timestamp.from(draft.departsAt()));
		params.put("nights", draft.nights());
		params.put("price", draft.pricePerPerson());
		params.put("currency", draft.currency());
		params.put("capacity", draft.capacity());
		return params;
	}

	private static Trip mapTrip(ResultSet row, int rowNumber) throws SQLException {
		return new Trip(row.getString("code"), row.getString("name"), row.getString("resort"),
				row.getTimestamp("departs_at").toInstant(), row.getInt("nights"), row.getBigDecimal("price_per_person"),
				row.getString("currency"), row.getInt("capacity"), row.getInt("seats_booked"),
				ListingStatus.valueOf(row.getString("status")), row.getLong("content_version"),
				row.getBigDecimal("rating_average"), row.getInt("review_count"));
	}

	/** The WHERE clause of a search, assembled from constant fragments. */
	private record Filter(String where, Map<String, Object> params) {

		static Filter of(TripQuery query) {
			List<String> conditions = new ArrayList<>();
			Map<String, Object> params = new TreeMap<>();
			if (query.status() != null) {
				conditions.add("status = :status");
				params.put("status", query.status().name());
			}
			if (query.text() != null) {
				// the search index's full-text match, as /api/v1/search has it (see
				// package-info)
				conditions.add("code IN (SELECT m.code FROM search.matching('trip', :text) AS m(code))");
				params.put("text", query.text());
			}
			if (query.resort() != null) {
				conditions.add("resort ILIKE :resort");
				params.put("resort", LikePatterns.contains(query.resort()));
			}
			if (query.minPrice() != null) {
				conditions.add("price_per_person >= :minPrice");
				params.put("minPrice", query.minPrice());
			}
			if (query.maxPrice() != null) {
				conditions.add("price_per_person <= :maxPrice");
				params.put("maxPrice", query.maxPrice());
			}
			if (query.departFrom() != null) {
				conditions.add("departs_at >= :departFrom");
				params.put("departFrom", startOfDayUtc(query.departFrom()));
			}
			if (query.departTo() != null) {
				conditions.add("departs_at < :departBefore");
				params.put("departBefore", startOfDayUtc(query.departTo().plusDays(1)));
			}
			return new Filter(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
		}

		/**
		 * Departure dates are calendar days in UTC, whatever the database session's time
		 * zone.
		 */
		private static Timestamp startOfDayUtc(LocalDate day) {
			return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
		}
	}

}
