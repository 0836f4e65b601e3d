package io.getaways.operations.internal.maintenance;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * The maintenance run and what its report calls worth a look.
 *
 * @param schedule cron expression of the scheduled run (default daily at 03:45), or
 * {@code -} for none
 * @param deadTuples a table is listed when it has at least this many dead tuples...
 * @param deadTuplePercent ...and they are at least this share of its live ones
 * @param sequencePercent a sequence is listed once it has used this share of its range
 * @param slowStatements how many of the slowest statements are listed
 */
@ConfigurationProperties("getaways.maintenance")
@Validated
record MaintenanceSettings(@DefaultValue("0 45 3 * * *") String schedule,
		@DefaultValue("10000") @AtLeast("1") long deadTuples,
		@DefaultValue("20") @AtLeast("0") @AtMost("100") int deadTuplePercent,
		@DefaultValue("75") @AtLeast("1") @AtMost("100") int sequencePercent,
		@DefaultValue("10") @AtLeast("1") @AtMost("100") int slowStatements) implements SettingsRules {

	@Override
	public void checkRules(Rules rules) {
		rules.require(Scheduled.CRON_DISABLED.equals(schedule) || CronExpression.isValidExpression(schedule),
				"schedule", "must be a cron expression such as 0 45 3 * * * or - for none");
	}

}
