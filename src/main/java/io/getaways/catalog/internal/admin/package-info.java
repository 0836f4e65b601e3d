/**
 * Catalog administration ({@code /api/v1/admin/trips}, {@code /api/v1/admin/stays}): the
 * routes, the requests they accept and the checks of those requests; nothing here is used
 * elsewhere.
 */
package io.getaways.catalog.internal.admin;
