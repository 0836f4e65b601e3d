package io.getaways.catalog.internal.reconcile;

import java.util.concurrent.atomic.AtomicLong;

import io.getaways.catalog.internal.reconcile.ReconcileReport.Finding;
import io.getaways.catalog.internal.reconcile.ReconcileReport.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciles catalog content every {@code getaways.catalog.reconcile-interval} (1h) on
 * one instance at a time, logs the report, and counts what it found in
 * {@code getaways.catalog.reconcile.drift{kind,drift,outcome}}; the drift the last run
 * left unrepaired is {@code getaways.catalog.reconcile.unrepaired}.
 */
@Component
class ReconcileJob {

	private static final Logger log = LoggerFactory.getLogger(ReconcileJob.class);

	private final ContentReconciler reconciler;

	private final MeterRegistry registry;

	private final AtomicLong unrepaired = new AtomicLong();

	ReconcileJob(ContentReconciler reconciler, MeterRegistry registry) {
		this.reconciler = reconciler;
		this.registry = registry;
		Gauge.builder("getaways.catalog.reconcile.unrepaired", unrepaired, AtomicLong::get)
			.description("Content drift between PostgreSQL and MongoDB that the last reconciliation could not repair")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${getaways.catalog.reconcile-interval:1h}",
			initialDelayString = "${getaways.catalog.reconcile-interval:1h}")
	@SchedulerLock(name = ContentReconciler.JOB, lockAtMostFor = "PT30M")
	void run() {
		ReconcileReport report;
		try {
			report = reconciler.reconcile(null, false);
		}
		catch (RuntimeException ex) {
			log.warn("Reconcile: catalog content could not be reconciled, will try again next interval: {}",
					ex.getMessage());
			return;
		}
		report.findings().forEach(this::count);
		unrepaired.set(report.count(Outcome.UNREPAIRED));
		String text = String.join(System.lineSeparator(), report.lines());
		if (report.findings().isEmpty()) {
			log.info("{}", text);
		}
		else {
			log.warn("{}", text);
		}
	}

	private void count(Finding finding) {
		Counter.builder("getaways.catalog.reconcile.drift")
			.description("Content drift between PostgreSQL and MongoDB found by reconciliation, by what became of it")
			.tag("kind", finding.kind().label())
			.tag("drift", finding.drift().name().toLowerCase())
			.tag("outcome", finding.outcome().name().toLowerCase())
			.register(registry)
			.increment();
	}

}
