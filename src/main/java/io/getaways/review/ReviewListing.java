package io.getaways.review;

import java.math.BigDecimal;

/**
 * A page of one trip's or stay's reviews with the rating the database keeps for it.
 *
 * @param ratingAverage rounded to two decimals; null while there is no review
 */
public record ReviewListing(Subject subject, String code, BigDecimal ratingAverage, int reviewCount,
		ReviewPage reviews) {

	public enum Subject {

		TRIP, STAY

	}
}
