package io.getaways.platform.outbox;

import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as JSON with the application's mapper, the text Modulith's own Jackson
 * serializer writes, but with the mapper resolved once: Modulith's asks the bean factory
 * for it on every call (3% of the request threads' samples in the booking benchmark,
 * issue 19).
 */
final class JsonEventSerializer implements EventSerializer {

	private final JsonMapper mapper;

	JsonEventSerializer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Object serialize(Object event) {
		return mapper.writeValueAsString(event);
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return mapper.readerFor(type).readValue(serialized.toString());
	}

}
