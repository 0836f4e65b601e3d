package io.getaways.platform.outbox;

import org.springframework.modulith.events.core.EventSerializer;

/**
 * Serializes an event once for all its listeners. Modulith writes one publication row per
 * listener and serializes the event again for each; a booking's events have three
 * listeners, so two of every three serializations were repeated work on the request
 * thread (issue 19). Events are immutable records published and stored on one thread, so
 * the same instance met again on that thread has the same text.
 */
final class SerializedOnce implements EventSerializer {

	private final EventSerializer delegate;

	private final ThreadLocal<Object[]> last = ThreadLocal.withInitial(() -> new Object[2]);

	SerializedOnce(EventSerializer delegate) {
		this.delegate = delegate;
	}

	@Override
	public Object serialize(Object event) {
		Object[] memo = last.get();
		if (memo[0] != event) {
			memo[1] = delegate.serialize(event);
			memo[0] = event;
		}
		return memo[1];
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return delegate.deserialize(serialized, type);
	}

}
