package booking;

import java.util.UUID;

/** A registered customer: the API phase sends its token, the SQL phase its user id as the service would. */
public record Traveller(String token, UUID userId) {
}
