/**
 * Data sources, request context, embedded servers, health, metrics, migrations, command line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "platform")
package io.getaways.platform;
