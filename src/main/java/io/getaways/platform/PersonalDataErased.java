package io.getaways.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's data was erased in PostgreSQL; modules holding more of it in other stores
 * (MongoDB documents, Redis entries) remove theirs when this reaches them.
 */
public record PersonalDataErased(UUID userId, Instant erasedAt) {
}
