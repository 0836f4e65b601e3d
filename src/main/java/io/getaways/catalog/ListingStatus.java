package io.getaways.catalog;

/**
 * Whether a trip or stay is on sale: an inactive one is out of search and sale, and its
 * bookings stand.
 */
public enum ListingStatus {

	ACTIVE, INACTIVE

}
