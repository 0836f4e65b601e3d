package io.getaways.catalog.internal.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayContentChanged;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripContentChanged;
import io.getaways.catalog.internal.content.ContentDocuments;
import io.getaways.catalog.internal.content.ContentKind;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Drift;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Finding;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Outcome;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares trip and stay content between PostgreSQL (codes and content versions) and
 * MongoDB (documents and their versions), and repairs drift from PostgreSQL's side.
 * PostgreSQL holds only the version; the content itself travels in the outbox's events.
 * So a missing or older document is repaired with the event of the row's version while
 * the outbox still keeps it (pending, or completed within the retention), exactly as its
 * delivery would have done; a document whose code has no row is removed; everything else
 * is reported, never guessed at.
 * <p>
 * Documents are read before rows: a document is written only after its row commits, so
 * every document read has its row in the later snapshot, and a change committing in
 * between shows as a row ahead of its document, whose event is in the same snapshot.
 * Every repair is conditional (an upsert only if newer, a removal only of the version
 * seen), so runs on several instances, or beside the outbox job, do no harm.
 */
@Component
public class ContentReconciler {

	static final String JOB = "catalog-reconcile";

	private static final Logger log = LoggerFactory.getLogger(ContentReconciler.class);

	private final ContentVersions versions;

	private final ContentDocuments<TripContent> trips;

	private final ContentDocuments<StayContent> stays;

	private final JsonMapper json;

	private final TransactionTemplate readOnly;

	ContentReconciler(ContentVersions versions, ContentDocuments<TripContent> trips,
			ContentDocuments<StayContent> stays, JsonMapper json, TransactionTemplate transactions) {
		this.versions = versions;
		this.trips = trips;
		this.stays = stays;
		this.json = json;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Every code, or only the given ones (null for every code); a dry run changes
	 * nothing.
	 */
	public ReconcileReport reconcile(Collection<String> codes, boolean dryRun) {
		return ActorContext.callAs(Actor.job(JOB), () -> {
			Map<ContentKind, ReconcileReport.Sizes> sizes = new EnumMap<>(ContentKind.class);
			List<Finding> findings = new ArrayList<>();
			findings.addAll(
					reconcile(new Side<>(ContentKind.TRIP, trips, TripContentChanged.class, TripContentChanged::code,
							TripContentChanged::content, TripContent::version), codes, dryRun, sizes));
			findings.addAll(
					reconcile(new Side<>(ContentKind.STAY, stays, StayContentChanged.class, StayContentChanged::code,
							StayContentChanged::content, StayContent::version), codes, dryRun, sizes));
			return new ReconcileReport(dryRun, sizes, findings);
		});
	}

	/** How one kind's events and documents look. */
	private record Side<E, C>(ContentKind kind, ContentDocuments<C> documents, Class<E> eventType,
			Function<E, String> code, Function<E, C> content, ToLongFunction<C> version) {
	}

	/** The content of a row's version, from an outbox event. */
	private record Repair<C>(C content, boolean pending) {
	}

	private record Snapshot<C>(Map<String, Long> rows, Map<String, Repair<C>> repairs) {
	}

	private <E, C> List<Finding> reconcile(Side<E, C> side, Collection<String> codes, boolean dryRun,
			Map<ContentKind, ReconcileReport.Sizes> sizes) {
		Map<String, Long> documents = new TreeMap<>(side.documents().versions(codes));
		Snapshot<C> snapshot = readOnly.execute(status -> {
			Map<String, Long> rows = new TreeMap<>(versions.rows(side.kind(), codes));
			List<String> behind = rows.keySet()
				.stream()
				.filter(code -> !documents.containsKey(code) || documents.get(code) < rows.get(code))
				.toList();
			return new Snapshot<>(rows, behind.isEmpty() ? Map.of() : repairs(side, behind, rows));
		});
		sizes.put(side.kind(), new ReconcileReport.Sizes(snapshot.rows().size(), documents.size()));
		List<Finding> findings = new ArrayList<>();
		snapshot.rows().forEach((code, rowVersion) -> {
			Long documentVersion = documents.get(code);
			if (documentVersion != null && documentVersion > rowVersion) {
				findings.add(new Finding(side.kind(), code, Drift.AHEAD, Outcome.UNREPAIRED, rowVersion,
						documentVersion, "the document is newer than PostgreSQL knows; left as it is"));
			}
			else if (documentVersion == null || documentVersion < rowVersion) {
				findings.add(repair(side, code, rowVersion, documentVersion, snapshot.repairs().get(code), dryRun));
			}
		});
		documents.forEach((code, documentVersion) -> {
			if (!snapshot.rows().containsKey(code)) {
				findings.add(removeOrphan(side, code, documentVersion, dryRun));
			}
		});
		return findings;
	}

	private <E, C> Finding repair(Side<E, C> side, String code, long rowVersion, Long documentVersion, Repair<C> repair,
			boolean dryRun) {
		Drift drift = documentVersion == null ? Drift.MISSING : Drift.STALE;
		if (repair == null) {
			return new Finding(side.kind(), code, drift, Outcome.UNREPAIRED, rowVersion, documentVersion,
					"no outbox event holds version " + rowVersion + " any more");
		}
		String how = "version " + rowVersion + " from " + (repair.pending() ? "a pending" : "a completed")
				+ " outbox event";
		if (!dryRun && !side.documents().upsertIfNewer(code, repair.content())) {
			how += " (delivered meanwhile)";
		}
		return new Finding(side.kind(), code, drift, Outcome.REPAIRED, rowVersion, documentVersion, how);
	}

	private <E, C> Finding removeOrphan(Side<E, C> side, String code, long documentVersion, boolean dryRun) {
		if (!dryRun && !side.documents().removeIfVersion(code, documentVersion)) {
			return new Finding(side.kind(), code, Drift.ORPHAN, Outcome.UNREPAIRED, null, documentVersion,
					"the document changed while reconciling; left for the next run");
		}
		return new Finding(side.kind(), code, Drift.ORPHAN, Outcome.REMOVED, null, documentVersion,
				"no " + side.kind().label() + " has this code");
	}

	/**
	 * For each code, the content its row's version names, from the newest outbox event
	 * that carries it.
	 */
	private <E, C> Map<String, Repair<C>> repairs(Side<E, C> side, List<String> codes, Map<String, Long> rows) {
		Map<String, Repair<C>> repairs = new HashMap<>();
		for (ContentVersions.StoredEvent stored : versions.events(side.kind(), codes)) {
			E event;
			try {
				event = json.readValue(stored.serialized(), side.eventType());
			}
			catch (JacksonException ex) {
				log.warn("Reconcile: unreadable {} in the outbox: {}", side.eventType().getSimpleName(),
						ex.getOriginalMessage());
				continue;
			}
			String code = side.code().apply(event);
			C content = side.content().apply(event);
			if (content != null && rows.get(code) != null && side.version().applyAsLong(content) == rows.get(code)) {
				Repair<C> known = repairs.get(code);
				repairs.put(code, new Repair<>(content, stored.pending() || known != null && known.pending()));
			}
		}
		return repairs;
	}

}
