package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.booking.Bookings;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.payment.PaymentHistory;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.review.Reviews;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import: per entity of the mapping, rows in batches; each batch and its
 * checkpoint one transaction, each row a savepoint in it, so a row that fails leaves
 * nothing behind and a killed import resumes after the last committed batch. The actor is
 * an admin named {@code import:} plus the masked source, which the audit log records.
 */
@Component
class Importer {

	private final Map<String, ImportTarget<?>> targets;

	private final Checkpoints checkpoints;

	private final TransactionTemplate batches;

	private final TransactionTemplate rows;

	Importer(Catalog catalog, Identity identity, Bookings bookings, PaymentHistory payments, Reviews reviews,
			ImportReferences references, Checkpoints checkpoints, TargetContent content,
			PlatformTransactionManager transactions) {
		this.checkpoints = checkpoints;
		this.batches = new TransactionTemplate(transactions);
		this.rows = new TransactionTemplate(transactions);
		this.rows.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		ImportedBookings imported = new ImportedBookings(bookings, references);
		this.targets = Map.of("trips", new TripTarget(catalog, content), "users", new UserTarget(identity, content),
				"bookings", new BookingTarget(bookings, identity, catalog, references, content), "stays",
				new StayTarget(catalog), "stay_bookings",
				new StayBookingTarget(bookings, identity, catalog, references, rows), "payments",
				new PaymentTarget(payments, imported, references, rows), "reviews",
				new ReviewTarget(reviews, imported, references, rows));
	}

	ImportReport run(ImportSource source, ImportMapping mapping, ImportOptions options, PrintWriter progress) {
		String runKey = digest(source.description() + "\n" + mapping.digest());
		Actor actor = new Actor(Actor.Role.ADMIN, null, "import:" + source.description(), null, null,
				UUID.randomUUID().toString());
		List<Tally> tallies = new ArrayList<>();
		String stoppedAt = null;
		long started = System.nanoTime();
		Map<String, SeenKeys> accepted = new HashMap<>();
		try (ActorContext.Scope scope = ActorContext.enter(actor);
				RejectsFile rejects = RejectsFile.open(options.rejects(), options.resume())) {
			if (!options.resume() && !options.dryRun()) {
				batches.executeWithoutResult(status -> checkpoints.clear(runKey));
			}
			for (ImportMapping.EntityMapping entity : mapping.entities()) {
				EntityImport<?> run = new EntityImport<>(checkpoints, batches, rows, entity,
						targets.get(entity.target()), source, options, rejects, runKey, progress, accepted);
				tallies.add(run.run());
				if (run.stoppedAt != null) {
					stoppedAt = entity.source() + " " + run.stoppedAt;
					break;
				}
			}
			return new ImportReport(source.description(), options.dryRun(), tallies, rejects.path(), stoppedAt,
					java.time.Duration.ofNanos(System.nanoTime() - started));
		}
	}

	static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
