package io.getaways.analytics;

import java.nio.file.Path;
import java.util.List;

/**
 * What one partition upkeep did.
 *
 * @param created partitions created, such as {@code search_events_p202701}
 * @param dropped partitions detached and dropped past the retention
 * @param exported the compressed files the dropped partitions were written to first
 * (empty unless export is configured)
 * @param inDefault rows that no monthly partition holds, by table and month
 */
public record PartitionUpkeep(List<String> created, List<String> dropped, List<Path> exported,
		List<DefaultPartitionRows> inDefault) {
}
