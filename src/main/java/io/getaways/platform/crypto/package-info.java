/**
 * Envelope encryption of personal values: AES-256-GCM under random data keys, each data
 * key wrapped by a key-encryption key (KEK) that lives only in configuration
 * ({@code getaways.crypto.keys.<id>}) and named by its id beside the wrapped key; a keyed
 * HMAC blind index for exact lookup; the start-up check of the configured keys against
 * the stored data keys; and {@code keys rotate|status}. In platform because it is
 * infrastructure with no business meaning, like the data sources: booking uses it for
 * passengers, and an export or another module's personal field can use it the same way.
 */
@org.springframework.modulith.NamedInterface("crypto")
package io.getaways.platform.crypto;
