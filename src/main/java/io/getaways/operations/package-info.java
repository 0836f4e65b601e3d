/**
 * Backup, restore and point-in-time recovery, and {@code doctor}
 * (docs/operations/doctor.md); later replicas and maintenance. It may use every module's
 * API; no module uses it.
 *
 * <p>
 * A backup is a PostgreSQL base backup taken with the non-exclusive low-level API while
 * the service keeps writing, plus the WAL that PostgreSQL archives continuously, plus a
 * MongoDB dump tied to the outbox position. Every stored file is compressed, optionally
 * encrypted (AES-256-GCM), and checksummed; the manifest is written last, so a backup
 * exists only once complete. docs/operations/backups.md is the runbook.
 *
 * <p>
 * Maintenance ({@code internal.maintenance}, docs/operations/maintenance.md) keeps the
 * analytics partitions and report views through analytics' public
 * {@link io.getaways.analytics.AnalyticsMaintenance}, runs ANALYZE, and reports what an
 * operator should look at.
 */
@org.springframework.modulith.ApplicationModule(displayName = "operations", allowedDependencies = { "platform",
		"platform :: config", "platform :: embedded", "platform :: db", "platform :: web", "audit", "analytics" })
package io.getaways.operations;
