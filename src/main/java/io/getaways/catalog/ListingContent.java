package io.getaways.catalog;

/**
 * The content document of a trip or stay, under the version its row says it must have.
 */
public interface ListingContent<C extends ListingContent<C>> {

	long version();

	C withVersion(long newVersion);

}
