/**
 * The public catalog routes ({@code /api/v1/trips}, {@code /api/v1/stays}) and the
 * answers and checks they share with the admin routes: the responses,
 * {@link io.getaways.catalog.internal.web.ListingCode},
 * {@link io.getaways.catalog.internal.web.InvalidParameters} and
 * {@link io.getaways.catalog.internal.web.StayWindows}.
 */
package io.getaways.catalog.internal.web;
