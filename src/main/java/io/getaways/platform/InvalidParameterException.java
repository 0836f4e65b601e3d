package io.getaways.platform;

import java.util.List;
import java.util.Map;

/**
 * A request parameter or field that is well-formed alone but wrong, such as a range whose
 * ends are swapped.
 */
public class InvalidParameterException extends DomainException {

	private final String parameter;

	private final String reason;

	public InvalidParameterException(String parameter, String reason) {
		super(Kind.INVALID, "Invalid parameter '" + parameter + "': " + reason);
		this.parameter = parameter;
		this.reason = reason;
	}

	public String parameter() {
		return parameter;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("parameter", parameter, "message", reason)));
	}

}
