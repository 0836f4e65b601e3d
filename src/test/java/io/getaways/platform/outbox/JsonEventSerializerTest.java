package io.getaways.platform.outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonEventSerializerTest {

	record BookingPaid(UUID bookingId, BigDecimal amount, Instant paidAt) {
	}

	private final JsonEventSerializer serializer = new JsonEventSerializer(JsonMapper.builder().build());

	@Test
	void anEventReadBackIsTheEventWritten() {
		BookingPaid paid = new BookingPaid(UUID.randomUUID(), new BigDecimal("120.50"),
				Instant.parse("2027-03-01T10:15:30Z"));

		Object text = serializer.serialize(paid);

		assertThat(text).isInstanceOf(String.class).asString().contains("\"amount\":120.50");
		assertThat(serializer.deserialize(text, BookingPaid.class)).isEqualTo(paid);
	}

}
