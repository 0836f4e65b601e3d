/**
 * Reviews and ratings: only the traveller of a completed booking reviews its trip or stay, once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "review")
package io.getaways.review;
