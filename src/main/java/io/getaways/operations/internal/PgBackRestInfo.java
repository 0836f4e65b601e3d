package io.getaways.operations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** What pgBackRest's {@code info --output=json} reports. */
final class PgBackRestInfo {

	private PgBackRestInfo() {
	}

	/** One pgBackRest stanza as reported by {@code info --output=json}. */
	record StanzaInfo(String name, int statusCode, String statusMessage, Optional<String> archiveMin,
			Optional<String> archiveMax, List<Backup> backups) {

		static StanzaInfo of(JsonNode stanza) {
			Optional<String> min = Optional.empty();
			Optional<String> max = Optional.empty();
			// One entry per PostgreSQL system; the last is the current one.
			for (JsonNode archive : stanza.path("archive")) {
				min = text(archive.path("min"));
				max = text(archive.path("max"));
			}
			List<Backup> backups = new ArrayList<>();
			for (JsonNode backup : stanza.path("backup")) {
				backups.add(Backup.of(backup));
			}
			return new StanzaInfo(stanza.path("name").asString(), stanza.path("status").path("code").asInt(-1),
					stanza.path("status").path("message").asString(), min, max, List.copyOf(backups));
		}
	}

	/** One backup set; sizes in bytes, {@code repoSize} as stored after compression. */
	record Backup(String label, String type, Instant start, Instant stop, String lsnStart, String lsnStop,
			String archiveStart, String archiveStop, long size, long repoSize, Optional<String> prior) {

		static Backup of(JsonNode backup) {
			return new Backup(backup.path("label").asString(), backup.path("type").asString(),
					Instant.ofEpochSecond(backup.path("timestamp").path("start").asLong()),
					Instant.ofEpochSecond(backup.path("timestamp").path("stop").asLong()),
					backup.path("lsn").path("start").asString(), backup.path("lsn").path("stop").asString(),
					backup.path("archive").path("start").asString(), backup.path("archive").path("stop").asString(),
					backup.path("info").path("size").asLong(),
					backup.path("info").path("repository").path("size").asLong(), text(backup.path("prior")));
		}
	}

	static Optional<String> text(JsonNode node) {
		return node.isString() ? Optional.of(node.asString()) : Optional.empty();
	}

}
