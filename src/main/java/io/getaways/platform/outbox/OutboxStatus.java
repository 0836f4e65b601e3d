package io.getaways.platform.outbox;

import java.time.Duration;

/**
 * The outbox at one moment: publications not yet completed, those a listener failed, and
 * the age of the oldest incomplete one (zero when there is none).
 */
record OutboxStatus(long backlog, long failed, Duration oldestAge) {
}
