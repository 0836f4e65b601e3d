package io.getaways.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A traveller's reviews. Erasure removes what they wrote and keeps the star rating, so a
 * trip's average does not change when one of its reviewers leaves; the account's erasure
 * already makes the rating anonymous.
 */
@Component
@Order(30)
class ReviewPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	ReviewPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "reviews";
	}

	@Override
	public Object export(UUID userId) {
		return jdbc.sql("""
				SELECT r.id, r.booking_id, coalesce(t.code, s.code) AS code, r.rating, r.body, r.created_at
				FROM app.reviews r
				LEFT JOIN app.trips t ON t.id = r.trip_id
				LEFT JOIN app.stays s ON s.id = r.stay_id
				WHERE r.user_id = :user
				ORDER BY r.created_at""").param("user", userId).query((row, n) -> {
			Map<String, Object> review = new LinkedHashMap<>();
			review.put("id", row.getObject("id", UUID.class));
			review.put("bookingId", row.getObject("booking_id", UUID.class));
			review.put("code", row.getString("code"));
			review.put("rating", row.getInt("rating"));
			review.put("body", row.getString("body"));
			review.put("createdAt", row.getTimestamp("created_at").toInstant());
			return review;
		}).list();
	}

	@Override
	public int erase(UUID userId) {
		return jdbc.sql("UPDATE app.reviews SET body = NULL WHERE user_id = :user AND body IS NOT NULL")
			.param("user", userId)
			.update();
	}

}
