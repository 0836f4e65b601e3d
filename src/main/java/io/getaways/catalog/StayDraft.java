package io.getaways.catalog;

import java.math.BigDecimal;

/**
 * Everything needed to create or replace a stay. A replacement without content keeps the
 * stay's content and its version; a new stay without content starts with an empty
 * document.
 */
public record StayDraft(String code, String name, String country, String city, BigDecimal pricePerNight,
		String currency, int maxGuests, StayContent content) {
}
