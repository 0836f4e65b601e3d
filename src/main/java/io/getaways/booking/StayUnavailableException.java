package io.getaways.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.getaways.platform.DomainException;

/**
 * Some of the nights asked for are held or booked by someone else; {@code conflicts} are
 * their ranges.
 */
public class StayUnavailableException extends DomainException {

	private final String stayCode;

	private final List<DateRange> conflicts;

	public StayUnavailableException(String stayCode, LocalDate checkIn, LocalDate checkOut, List<DateRange> conflicts) {
		super(Kind.CONFLICT,
				"Stay " + stayCode + " is not available from " + checkIn + " to " + checkOut
						+ (conflicts.isEmpty() ? ""
								: "; taken: " + conflicts.stream()
									.map(range -> range.checkIn() + " to " + range.checkOut())
									.collect(Collectors.joining(", "))));
		this.stayCode = stayCode;
		this.conflicts = List.copyOf(conflicts);
	}

	public List<DateRange> conflicts() {
		return conflicts;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("stayCode", stayCode, "conflicts", conflicts.stream()
			.map(range -> Map.of("checkIn", range.checkIn().toString(), "checkOut", range.checkOut().toString()))
			.toList());
	}

	/** Nights from check-in up to, not including, check-out. */
	public record DateRange(LocalDate checkIn, LocalDate checkOut) {
	}

}
