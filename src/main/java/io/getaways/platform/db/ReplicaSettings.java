package io.getaways.platform.db;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.getaways.platform.config.PositiveDuration;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * PostgreSQL read replicas ({@code getaways.replicas.*}). Each URL gets its own pool,
 * logging in with {@code spring.datasource.username} and password as the primary's pools
 * do, and the name {@code replica-<position>} (from 1) in health, metrics and the
 * {@code replica} command. Embedded mode fills the URLs in for
 * {@code getaways.embedded.replicas}.
 *
 * @param urls one JDBC URL per replica; none turns replicas off
 * @param maxLag a replica further behind than this serves no reads
 * @param checkInterval how often each replica's replay position and lag are measured
 * @param synchronous whether commits wait for a standby to flush them (embedded mode sets
 * {@code synchronous_standby_names}; on external servers the operator does and the
 * service checks)
 */
@ConfigurationProperties("getaways.replicas")
@Validated
public record ReplicaSettings(@DefaultValue List<String> urls, @DefaultValue("1s") @PositiveDuration Duration maxLag,
		@DefaultValue("200ms") @PositiveDuration Duration checkInterval,
		@DefaultValue("false") boolean synchronous) implements SettingsRules {

	public boolean enabled() {
		return !urls.isEmpty();
	}

	/** The replicas' names, in the order of their URLs. */
	public List<String> names() {
		return IntStream.rangeClosed(1, urls.size()).mapToObj(i -> "replica-" + i).toList();
	}

	@Override
	public void checkRules(Rules rules) {
		for (int i = 0; i < urls.size(); i++) {
			rules.require(urls.get(i) != null && urls.get(i).startsWith("jdbc:postgresql:"), "urls[" + i + "]",
					"must be a jdbc:postgresql: URL");
		}
	}

}
