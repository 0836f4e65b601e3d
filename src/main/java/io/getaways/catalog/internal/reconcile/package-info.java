/**
 * Reconciliation of content between PostgreSQL and MongoDB:
 * {@link io.getaways.catalog.internal.reconcile.ContentReconciler} compares and repairs
 * and writes a {@link io.getaways.catalog.internal.reconcile.ReconcileReport}; a
 * scheduled job and the {@code reconcile} command run it.
 */
package io.getaways.catalog.internal.reconcile;
