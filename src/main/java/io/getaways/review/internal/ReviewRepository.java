package io.getaways.review.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import io.getaways.review.Review;
import io.getaways.review.ReviewListing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code app.reviews}, and what the review module reads beside it through its own views
 * and functions (016-reviews): the codes and ratings of trips and stays, and the caller's
 * booking. Authors' ids are written, never read back.
 */
@Repository
class ReviewRepository {

	private static final String SELECT = """
			SELECT id, trip_code, stay_code, rating, body, created_at, updated_at
			FROM app.published_reviews
			""";

	private static final String ELIGIBILITY = """
			SELECT status, trip_code, stay_code, already_reviewed
			FROM app.review_eligibility(:bookingId)""";

	private static final String INSERT = """
			INSERT INTO app.reviews (booking_id, user_id, rating, body)
			VALUES (:bookingId, :userId, :rating, :body)
			RETURNING id""";

	private static final String UPDATE = """
			UPDATE app.reviews
			SET rating = :rating, body = :body
			WHERE id = :id""";

	private static final String DELETE = """
			DELETE FROM app.reviews
			WHERE id = :id""";

	private static final String SUBJECT = """
			SELECT id, rating_average, review_count
			FROM app.review_subjects
			WHERE kind = :kind
			  AND code = :code""";

	private static final String BY_TRIP = SELECT + """
			WHERE trip_id = :subjectId
			ORDER BY created_at DESC, id DESC
			LIMIT :limit OFFSET :offset""";

	private static final String BY_STAY = SELECT + """
			WHERE stay_id = :subjectId
			ORDER BY created_at DESC, id DESC
			LIMIT :limit OFFSET :offset""";

	private static final String BY_AUTHOR = SELECT + """
			WHERE user_id = :userId
			ORDER BY created_at DESC, id DESC
			LIMIT :limit OFFSET :offset""";

	private static final String BY_AUTHOR_OF_SUBJECT = SELECT + """
			WHERE user_id = :userId
			  AND (trip_code = :tripCode OR stay_code = :stayCode)""";

	private static final String COUNT_BY_AUTHOR = """
			SELECT count(*)
			FROM app.reviews
			WHERE user_id = :userId""";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	ReviewRepository(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/** Empty when the booking is unknown or not the caller's. */
	Optional<Eligibility> eligibility(UUID bookingId) {
		return metrics.record(Store.POSTGRES, "review.eligibility",
				() -> jdbc.sql(ELIGIBILITY)
					.param("bookingId", bookingId)
					.query((row, n) -> new Eligibility(row.getString("status"), row.getString("trip_code"),
							row.getString("stay_code"), row.getBoolean("already_reviewed")))
					.optional());
	}

	UUID insert(UUID bookingId, UUID userId, int rating, String body) {
		return metrics.record(Store.POSTGRES, "review.insert",
				() -> jdbc.sql(INSERT)
					.param("bookingId", bookingId)
					.param("userId", userId)
					.param("rating", rating)
					.param("body", body)
					.query(UUID.class)
					.single());
	}

	/**
	 * Rows changed: 0 when there is no such review or row-level security hides it from
	 * this writer.
	 */
	int update(UUID id, int rating, String body) {
		return metrics.record(Store.POSTGRES, "review.update",
				() -> jdbc.sql(UPDATE).param("id", id).param("rating", rating).param("body", body).update());
	}

	int delete(UUID id) {
		return metrics.record(Store.POSTGRES, "review.delete", () -> jdbc.sql(DELETE).param("id", id).update());
	}

	Optional<Review> find(UUID id) {
		return metrics.record(Store.POSTGRES, "review.find",
				() -> jdbc.sql(SELECT + "WHERE id = :id")
					.param("id", id)
					.query(ReviewRepository::mapReview)
					.optional());
	}

	Optional<Subject> subject(ReviewListing.Subject kind, String code) {
		return metrics.record(Store.POSTGRES, "review.subject",
				() -> jdbc.sql(SUBJECT)
					.param("kind", kind.name())
					.param("code", code)
					.query((row, n) -> new Subject(row.getLong("id"), row.getBigDecimal("rating_average"),
							row.getInt("review_count")))
					.optional());
	}

	List<Review> ofSubject(ReviewListing.Subject kind, long subjectId, int limit, long offset) {
		return metrics.record(Store.POSTGRES, "review.list",
				() -> jdbc.sql(kind == ReviewListing.Subject.TRIP ? BY_TRIP : BY_STAY)
					.param("subjectId", subjectId)
					.param("limit", limit)
					.param("offset", offset)
					.query(ReviewRepository::mapReview)
					.list());
	}

	List<Review> byAuthor(UUID userId, int limit, long offset) {
		return metrics.record(Store.POSTGRES, "review.mine",
				() -> jdbc.sql(BY_AUTHOR)
					.param("userId", userId)
					.param("limit", limit)
					.param("offset", offset)
					.query(ReviewRepository::mapReview)
					.list());
	}

	/**
	 * The author's review of the trip or the stay (one code null), of which there is one.
	 */
	Optional<Review> byAuthorOf(UUID userId, String tripCode, String stayCode) {
		return metrics.record(Store.POSTGRES, "review.mine-of",
				() -> jdbc.sql(BY_AUTHOR_OF_SUBJECT)
					.param("userId", userId)
					.param("tripCode", tripCode)
					.param("stayCode", stayCode)
					.query(ReviewRepository::mapReview)
					.optional());
	}

	long countByAuthor(UUID userId) {
		return metrics.record(Store.POSTGRES, "review.mine-count",
				() -> jdbc.sql(COUNT_BY_AUTHOR).param("userId", userId).query(Long.class).single());
	}

	private static Review mapReview(ResultSet row, int rowNumber) throws SQLException {
		return new Review(row.getObject("id", UUID.class), row.getString("trip_code"), row.getString("stay_code"),
				row.getInt("rating"), row.getString("body"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

	/**
	 * A trip or stay as the listing needs it; its review count is kept exact by the
	 * rating trigger.
	 */
	record Subject(long id, BigDecimal ratingAverage, int reviewCount) {
	}

}
