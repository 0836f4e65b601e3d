/**
 * Data sources, request context, embedded servers, health, metrics, migrations, command
 * line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "platform", allowedDependencies = {})
package io.getaways.platform;
