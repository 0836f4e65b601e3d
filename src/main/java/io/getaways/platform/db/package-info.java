/**
 * PostgreSQL logins, roles and migrations. Named, so that the operations module's
 * {@code doctor} may inspect migrations and roles as the service defines them.
 */
@org.springframework.modulith.NamedInterface("db")
package io.getaways.platform.db;
