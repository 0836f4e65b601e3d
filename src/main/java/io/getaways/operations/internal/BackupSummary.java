package io.getaways.operations.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.getaways.operations.internal.BackupRepository.Entry;

/**
 * One backup as {@code backup list --json} and the admin API show it.
 *
 * @param walStart the first WAL segment a restore of it needs
 * @param walEnd the segment of its consistent point; later segments extend it to later
 * times
 * @param verified {@code yes}, {@code no} (never verified) or {@code failed}
 */
record BackupSummary(String id, String kind, Instant started, Instant finished, long storedBytes, long dataBytes,
		boolean encrypted, String startLsn, String stopLsn, String consistentLsn, Instant consistentAt, String walStart,
		String walEnd, Map<String, Long> mongoDocuments, Instant outboxPosition, Map<String, Double> phaseSeconds,
		String verified, Instant verifiedAt, String verificationDetail) {

	static BackupSummary of(Entry entry) {
		BackupManifest m = entry.manifest();
		Map<String, Long> documents = new LinkedHashMap<>();
		m.mongo().collections().forEach(c -> documents.put(c.name(), c.documents()));
		BackupRepository.Verification v = entry.verification();
		return new BackupSummary(m.id(), m.kind(), m.started(), m.finished(), m.storedSize(), m.postgres().dataSize(),
				m.encrypted(), m.postgres().startLsn(), m.postgres().stopLsn(), m.postgres().restorePointLsn(),
				m.postgres().consistentAt(), m.postgres().startWal(), m.postgres().restorePointWal(), documents,
				m.mongo().outboxPosition(), m.phaseSeconds() == null ? Map.of() : m.phaseSeconds(),
				v == null ? "no" : v.passed() ? "yes" : "failed", v == null ? null : v.at(),
				v == null ? null : v.detail());
	}
}
