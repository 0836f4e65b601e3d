/**
 * Embedded mode's servers. Named, so that the operations module may reach the servers it
 * backs up and restores.
 */
@org.springframework.modulith.NamedInterface("embedded")
package io.getaways.platform.embedded;
