package io.getaways.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

class SerializedOnceTest {

	record TripChanged(String code) {
	}

	private final AtomicInteger calls = new AtomicInteger();

	private final SerializedOnce serializer = new SerializedOnce(new EventSerializer() {
		@Override
		public Object serialize(Object event) {
			calls.incrementAndGet();
			return "{\"code\":\"" + ((TripChanged) event).code() + "\"}";
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			return type.cast(new TripChanged(serialized.toString()));
		}
	});

	@Test
	void serializesAnEventOnceForAllItsListeners() {
		TripChanged event = new TripChanged("LIS-1");

		List<Object> rows = new ArrayList<>();
		for (int listener = 0; listener < 3; listener++) {
			rows.add(serializer.serialize(event));
		}

		assertThat(rows).containsOnly("{\"code\":\"LIS-1\"}");
		assertThat(calls).hasValue(1);
	}

	@Test
	void serializesEachNewEventAgainEvenWhenEqual() {
		assertThat(serializer.serialize(new TripChanged("LIS-1"))).isEqualTo("{\"code\":\"LIS-1\"}");
		assertThat(serializer.serialize(new TripChanged("OPO-2"))).isEqualTo("{\"code\":\"OPO-2\"}");
		assertThat(serializer.serialize(new TripChanged("LIS-1"))).isEqualTo("{\"code\":\"LIS-1\"}");

		assertThat(calls).hasValue(3);
	}

	@Test
	void eachThreadKeepsItsOwn() throws InterruptedException {
		TripChanged event = new TripChanged("LIS-1");
		serializer.serialize(event);
		Thread other = new Thread(() -> serializer.serialize(event));
		other.start();
		other.join();

		assertThat(calls).hasValue(2);
	}

}
