/**
 * Users, passwords, passkeys, roles and permissions, tokens, sessions, API keys, OAuth2
 * clients and rate limits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "identity",
		allowedDependencies = { "platform", "platform :: config", "platform :: web", "audit" })
package io.getaways.identity;
