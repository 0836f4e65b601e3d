package io.getaways.search.internal;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How listings are indexed and matched.
 *
 * @param language the text search configuration {@code search.<language>} that stems and
 * folds accents; changeset 018 defines {@code english} and {@code simple} (docs/search.md
 * says how to add another). Changing it re-indexes every listing on the next start.
 * @param backfillOnStart whether a start brings the index up to the catalog (cheap when
 * nothing changed)
 * @param backfillBatch listings read and written per round trip by the backfill
 * @param fuzzyThreshold how similar (pg_trgm word similarity, 0 to 1) a name or place
 * must be to the text for the fallback to answer it; pg_trgm's own default of 0.6 misses
 * one-letter typos in short words
 */
@ConfigurationProperties("getaways.search")
@Validated
record SearchSettings(@DefaultValue("english") @Pattern(regexp = "[a-z_]{1,50}",
		message = "must be the name of a text search configuration in schema search, such as english") String language,
		@DefaultValue("true") boolean backfillOnStart,
		@DefaultValue("500") @AtLeast("1") @AtMost("10000") int backfillBatch,
		@DefaultValue("0.4") @AtLeast("0.1") @AtMost("1") double fuzzyThreshold) {

	/** The configuration as PostgreSQL names it. */
	String config() {
		return "search." + language;
	}

}
