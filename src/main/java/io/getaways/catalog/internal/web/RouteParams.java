package io.getaways.catalog.internal.web;

import java.util.Locale;

import io.getaways.catalog.ListingStatus;

/**
 * Request parameters of the catalog routes, read the same way by the public and the admin
 * routes.
 */
public final class RouteParams {

	private RouteParams() {
	}

	/**
	 * Text filters: blank is no filter, and surrounding spaces never count. Control
	 * characters count as spaces: PostgreSQL text cannot hold a NUL.
	 */
	public static String text(String value) {
		String spaced = value == null ? null : value.replaceAll("\\p{Cntrl}", " ");
		return spaced == null || spaced.isBlank() ? null : spaced.trim();
	}

	/**
	 * A code from a path, which {@link ListingCode} lets through in either case; codes
	 * are stored in capitals.
	 */
	public static String code(String value) {
		return value.toUpperCase(Locale.ROOT);
	}

	/** A sort as the routes spell it ({@code price}), as the query's enum names it. */
	public static <S extends Enum<S>> S sort(Class<S> type, String value) {
		return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
	}

	/** A status filter of the admin searches; left out, any status. */
	public static ListingStatus status(String value) {
		return value == null ? null : ListingStatus.valueOf(value);
	}

}
