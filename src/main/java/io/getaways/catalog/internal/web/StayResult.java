package io.getaways.catalog.internal.web;

import io.getaways.catalog.internal.Stay;

/**
 * A stay in the home page's results, with what is free: the nights asked for, or how many
 * of the coming nights nobody has taken. {@code path} opens its page with the nights
 * asked for already chosen.
 */
public record StayResult(Stay stay, String availability, String path) {
}
