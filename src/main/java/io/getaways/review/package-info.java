/**
 * Reviews and ratings: only the traveller of a completed booking reviews its trip or
 * stay, once.
 *
 * <p>
 * <b>Why review depends on booking, through SQL only.</b> No Java type of the booking
 * module is used here, yet the module reads the booking module's table
 * {@code app.bookings}: {@code app.review_eligibility} tells the caller about one of
 * their own bookings before a review is written, and the trigger
 * {@code app.check_review_eligibility} (016-reviews) checks, in the inserting statement
 * itself, that the booking belongs to the author and is COMPLETED, and copies its trip or
 * stay onto the review. That check is the one that cannot be raced: it runs in the
 * statement that writes the review, so no writer gets past it whatever it sends. Asking
 * the booking module's API first and inserting afterwards would leave a gap between the
 * check and the insert, and an event-fed copy of completed bookings could lag behind the
 * booking; both would change which reviews are accepted. So the dependency stays in SQL
 * and is declared here ({@code allowedDependencies} names booking), and the foreign key
 * {@code reviews.booking_id} shows it in the schema as well.
 *
 * <p>
 * The same SQL also reads the codes and ratings of trips and stays
 * ({@code app.published_reviews}, {@code app.review_subjects}) and keeps their rating
 * sums ({@code app.apply_review_rating}), tables of the catalog module. That direction is
 * not declared: catalog listens to {@link io.getaways.review.ReviewPosted} to evict its
 * cached ratings, and declaring review on catalog as well would state a cycle between the
 * two. It is an open design question, not an allowance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "review",
		allowedDependencies = { "platform", "platform :: web", "booking" })
package io.getaways.review;
