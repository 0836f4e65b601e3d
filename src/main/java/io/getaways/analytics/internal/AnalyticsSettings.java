package io.getaways.analytics.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import io.getaways.platform.config.PositiveDuration;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Recording, partitions and report views.
 *
 * @param partitionsAhead how many months after the current one get their partitions ahead
 * of time
 * @param retentionMonths partitions whose month ended more than this many months ago are
 * dropped
 * @param exportDirectory when set, a partition is written there as gzip-compressed CSV
 * before it is dropped; unset drops without export
 * @param flushInterval how often recorded searches and views are written
 * @param bufferLimit at most this many unwritten records are held in memory; more are
 * counted as dropped
 * @param refreshSchedule cron expression of the scheduled report refresh, or {@code -}
 * for none
 */
@ConfigurationProperties("getaways.analytics")
@Validated
record AnalyticsSettings(@DefaultValue("3") @AtLeast("1") @AtMost("24") int partitionsAhead,
		@DefaultValue("13") @AtLeast("1") @AtMost("120") int retentionMonths, Path exportDirectory,
		@DefaultValue("2s") @PositiveDuration Duration flushInterval,
		@DefaultValue("100000") @AtLeast("100") int bufferLimit,
		@DefaultValue("0 15 * * * *") String refreshSchedule) implements SettingsRules {

	@Override
	public void checkRules(Rules rules) {
		rules.require(
				Scheduled.CRON_DISABLED.equals(refreshSchedule) || CronExpression.isValidExpression(refreshSchedule),
				"refreshSchedule", "must be a cron expression such as 0 15 * * * * or - for none");
	}

}
