package io.getaways.review.internal;

/** What {@code app.review_eligibility} tells about one of the caller's bookings. */
record Eligibility(String status, String tripCode, String stayCode, boolean alreadyReviewed) {

	boolean completed() {
		return "COMPLETED".equals(status);
	}

	String describeSubject() {
		return tripCode != null ? "trip " + tripCode : "stay " + stayCode;
	}
}
