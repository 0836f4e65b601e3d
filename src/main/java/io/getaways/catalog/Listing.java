package io.getaways.catalog;

/**
 * What trips and stays have in common: a code, a status, and the version their content
 * document must reach.
 */
public interface Listing {

	String code();

	ListingStatus status();

	long contentVersion();

}
