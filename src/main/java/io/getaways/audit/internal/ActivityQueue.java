package io.getaways.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.getaways.audit.Activity;
import io.getaways.audit.ActivityKind;
import io.getaways.platform.ActorContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The bounded queue between request threads and the writer; a full queue drops the event
 * and counts it.
 */
@Component
class ActivityQueue implements Activity {

	private final BlockingQueue<ActivityEvent> queue;

	private final Counter droppedFull;

	private final Counter droppedFailed;

	ActivityQueue(ActivitySettings settings, MeterRegistry registry) {
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.droppedFull = dropped(registry, "queue-full");
		this.droppedFailed = dropped(registry, "write-failed");
		registry.gauge("getaways.activity.queued", queue, BlockingQueue::size);
	}

	@Override
	public void record(ActivityKind kind, Map<String, ?> details) {
		String userId = ActorContext.current().userId();
		if (userId != null) {
			record(userId, kind, details);
		}
	}

	@Override
	public void record(String userId, ActivityKind kind, Map<String, ?> details) {
		Map<String, Object> copy = new LinkedHashMap<>();
		details.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		if (!queue.offer(new ActivityEvent(userId, kind, Instant.now(), copy))) {
			droppedFull.increment();
		}
	}

	List<ActivityEvent> drain(int max) {
		List<ActivityEvent> batch = new ArrayList<>(Math.min(max, queue.size()));
		queue.drainTo(batch, max);
		return batch;
	}

	boolean isEmpty() {
		return queue.isEmpty();
	}

	void countFailed(int events) {
		droppedFailed.increment(events);
	}

	private static Counter dropped(MeterRegistry registry, String reason) {
		return Counter.builder("getaways.activity.dropped")
			.description("Activity events not stored, by reason")
			.tag("reason", reason)
			.register(registry);
	}

	record ActivityEvent(String userId, ActivityKind kind, Instant at, Map<String, Object> details) {
	}

}
