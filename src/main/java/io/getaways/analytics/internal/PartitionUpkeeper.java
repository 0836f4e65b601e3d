package io.getaways.analytics.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import io.getaways.analytics.DefaultPartitionRows;
import io.getaways.analytics.PartitionUpkeep;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the partitions of the current month and the configured months ahead, and drops
 * (after exporting, when configured) those past the retention. Each partition is its own
 * transaction, so a failure leaves every earlier step done.
 */
class PartitionUpkeeper {

	private final PartitionRepository partitions;

	private final TransactionTemplate transactions;

	private final AnalyticsSettings settings;

	private final Clock clock;

	PartitionUpkeeper(PartitionRepository partitions, TransactionTemplate transactions, AnalyticsSettings settings,
			Clock clock) {
		this.partitions = partitions;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	PartitionUpkeep run(Consumer<String> progress) {
		YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
		YearMonth oldestKept = current.minusMonths(settings.retentionMonths());
		List<String> created = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		List<Path> exported = new ArrayList<>();
		for (RecordedTable table : RecordedTable.values()) {
			for (int ahead = 0; ahead <= settings.partitionsAhead(); ahead++) {
				YearMonth month = current.plusMonths(ahead);
				if (inJob(() -> partitions.create(table, month))) {
					created.add(table.partition(month));
					progress.accept("created partition " + table.partition(month));
				}
			}
			for (String partition : inJob(() -> partitions.partitions(table))) {
				YearMonth month = RecordedTable.monthOf(partition).orElse(null);
				if (month == null || !month.isBefore(oldestKept)) {
					continue;
				}
				if (settings.exportDirectory() != null) {
					Path file = export(table, month);
					exported.add(file);
					progress.accept("exported partition " + partition + " to " + file);
				}
				long rows = inJob(() -> partitions.drop(table, month));
				if (rows >= 0) {
					dropped.add(partition);
					progress.accept("dropped partition " + partition + " (" + rows + " rows, older than "
							+ settings.retentionMonths() + " months)");
				}
			}
		}
		List<DefaultPartitionRows> inDefault = defaultRows();
		inDefault.forEach(rows -> progress.accept("default partition of " + rows.table() + " holds " + rows.rows()
				+ " rows of " + rows.month() + ": no partition for that month"));
		return new PartitionUpkeep(List.copyOf(created), List.copyOf(dropped), List.copyOf(exported), inDefault);
	}

	List<DefaultPartitionRows> defaultRows() {
		List<DefaultPartitionRows> rows = new ArrayList<>();
		for (RecordedTable table : RecordedTable.values()) {
			rows.addAll(inJob(() -> partitions.defaultRows(table)));
		}
		return List.copyOf(rows);
	}

	/**
	 * Written beside its final name and moved into place, so a file under the final name
	 * is always complete.
	 */
	private Path export(RecordedTable table, YearMonth month) {
		Path directory = settings.exportDirectory();
		Path target = directory.resolve(table.partition(month) + ".csv.gz");
		try {
			Files.createDirectories(directory);
			Path partial = directory.resolve(target.getFileName() + ".partial");
			try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(partial)),
					StandardCharsets.UTF_8)) {
				inJob(() -> partitions.export(table, month, out));
			}
			return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Exporting partition " + table.partition(month) + " to " + target
					+ " failed, so it was not dropped: " + ex.getMessage(), ex);
		}
	}

	private <T> T inJob(Supplier<T> work) {
		return ActorContext.callAs(Actor.job("analytics-partitions"), () -> transactions.execute(status -> work.get()));
	}

}
