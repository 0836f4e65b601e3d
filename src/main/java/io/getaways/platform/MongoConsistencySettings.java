package io.getaways.platform;

import java.util.Map;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How durable each MongoDB write is and where each read may go, per collection: a
 * document that exists nowhere else (preferences, the notification inbox and its queue)
 * is acknowledged by a majority of a replica set, so a failover cannot take it back; a
 * read whose staleness is harmless (catalog content, activity feeds) may go to a
 * secondary. On a standalone server, as embedded, both are accepted and behave as the
 * server's defaults.
 *
 * @param writeConcern for collections not named in {@code writeConcerns}: a name the
 * driver knows ({@code majority}, {@code w1}, {@code journaled}, ...)
 * @param readPreference for collections not named in {@code readPreferences}
 * ({@code primary}, {@code primaryPreferred}, {@code secondaryPreferred}, ...)
 */
@ConfigurationProperties("getaways.mongo")
@Validated
public record MongoConsistencySettings(@DefaultValue("majority") String writeConcern,
		@DefaultValue("primary") String readPreference, Map<String, String> writeConcerns,
		Map<String, String> readPreferences) implements SettingsRules {

	public MongoConsistencySettings {
		writeConcerns = writeConcerns == null ? Map.of() : Map.copyOf(writeConcerns);
		readPreferences = readPreferences == null ? Map.of() : Map.copyOf(readPreferences);
	}

	@Override
	public void checkRules(Rules rules) {
		checkWriteConcern(rules, "writeConcern", writeConcern);
		writeConcerns
			.forEach((collection, name) -> checkWriteConcern(rules, "writeConcerns[" + collection + "]", name));
		checkReadPreference(rules, "readPreference", readPreference);
		readPreferences
			.forEach((collection, name) -> checkReadPreference(rules, "readPreferences[" + collection + "]", name));
	}

	/** The write concern of a collection's writes. */
	public WriteConcern writeConcernOf(String collection) {
		return WriteConcern.valueOf(writeConcerns.getOrDefault(collection, writeConcern));
	}

	/** Where a collection's reads may go. */
	public ReadPreference readPreferenceOf(String collection) {
		return ReadPreference.valueOf(readPreferences.getOrDefault(collection, readPreference));
	}

	/**
	 * An unacknowledged write would return no result, and the stores read the result of
	 * every conditional update they make.
	 */
	private static void checkWriteConcern(Rules rules, String property, String name) {
		WriteConcern concern = name == null ? null : WriteConcern.valueOf(name);
		rules.require(concern != null && concern.isAcknowledged(), property,
				"must be an acknowledged write concern (majority, w1, w2, journaled, acknowledged)");
	}

	private static void checkReadPreference(Rules rules, String property, String name) {
		boolean known;
		try {
			known = name != null && ReadPreference.valueOf(name) != null;
		}
		catch (IllegalArgumentException ex) {
			known = false;
		}
		rules.require(known, property, "must be primary, primaryPreferred, secondary, secondaryPreferred or nearest");
	}

}
