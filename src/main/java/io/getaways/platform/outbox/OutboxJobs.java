package io.getaways.platform.outbox;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the outbox moving: a publication whose listener failed, or whose instance died
 * before the listener ran, is handed to its listener again; completed publications are
 * deleted after the retention. Each job runs on one instance at a time (ShedLock), and
 * listeners tolerate a second delivery anyway.
 */
@Component
class OutboxJobs {

	private static final Logger log = LoggerFactory.getLogger(OutboxJobs.class);

	/**
	 * The registry resubmits only FAILED publications. One whose instance stopped before
	 * or while its listener ran keeps PUBLISHED, PROCESSING or RESUBMITTED for ever, so
	 * once its last dispatch is older than stalled-after it is marked FAILED here, and
	 * the resubmission that follows hands it on.
	 */
	private static final String MARK_ABANDONED_FAILED = """
			UPDATE app.event_publication
			SET status = 'FAILED'
			WHERE completion_date IS NULL
			  AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
			  AND coalesce(last_resubmission_date, publication_date) < now() - make_interval(secs => ?)
			""";

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final OutboxSettings settings;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	OutboxJobs(IncompleteEventPublications incomplete, CompletedEventPublications completed, OutboxSettings settings,
			JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.settings = settings;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${getaways.outbox.resubmit-interval:30s}",
			initialDelayString = "${getaways.outbox.resubmit-interval:30s}")
	@SchedulerLock(name = "outbox-resubmit", lockAtMostFor = "PT5M")
	void resubmit() {
		ActorContext.runAs(Actor.job("outbox-resubmit"), () -> {
			try {
				Integer abandoned = transactions
					.execute(tx -> jdbc.update(MARK_ABANDONED_FAILED, (double) settings.stalledAfter().toSeconds()));
				if (abandoned != null && abandoned > 0) {
					log.warn("Outbox: {} publication(s) unfinished for over {}, their instance presumably stopped;"
							+ " handing them to their listeners again", abandoned, settings.stalledAfter());
				}
				incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
					.withMinAge(settings.resubmitMinAge())
					.withBatchSize(settings.resubmitBatchSize()));
			}
			catch (DataAccessException | TransactionException ex) {
				log.warn("Outbox: resubmission failed, will retry in {}: {}", settings.resubmitInterval(),
						ex.getMessage());
			}
		});
	}

	@Scheduled(fixedDelayString = "${getaways.outbox.purge-interval:1h}",
			initialDelayString = "${getaways.outbox.purge-interval:1h}")
	@SchedulerLock(name = "outbox-purge", lockAtMostFor = "PT30M")
	void purge() {
		ActorContext.runAs(Actor.job("outbox-purge"), () -> {
			try {
				completed.deletePublicationsOlderThan(settings.retention());
			}
			catch (DataAccessException | TransactionException ex) {
				log.warn("Outbox: purge of completed publications failed: {}", ex.getMessage());
			}
		});
	}

}
