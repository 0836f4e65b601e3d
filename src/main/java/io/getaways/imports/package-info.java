/**
 * Bringing existing data in: a Travlr MongoDB, SQLite files and MySQL/MariaDB servers,
 * through the catalog's, identity's, booking's, payment's and review's APIs as an
 * {@code import} actor, checked row by row, checkpointed per batch and resumable.
 * docs/imports.md is the operator's guide.
 */
@org.springframework.modulith.ApplicationModule(displayName = "imports",
		allowedDependencies = { "platform", "catalog", "identity", "booking", "payment", "review" })
package io.getaways.imports;
