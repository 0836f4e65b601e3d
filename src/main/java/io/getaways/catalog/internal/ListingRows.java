package io.getaways.catalog.internal;

import java.util.Optional;

import io.getaways.catalog.ListingStatus;

/** The rows of one kind of listing, as far as every kind keeps them alike. */
interface ListingRows<L> {

	Optional<L> findByCode(String code);

	/** Empty when there is no such row or it already has the status. */
	Optional<L> changeStatus(String code, ListingStatus status);

}
