/**
 * Users, passwords, roles and permissions, tokens, sessions, API keys, OAuth2 clients and
 * rate limits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "identity",
		allowedDependencies = { "platform", "platform :: config", "audit" })
package io.getaways.identity;
