package io.getaways.audit.internal;

import java.util.Map;
import java.util.function.Supplier;

import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditPage;
import io.getaways.audit.AuditQuery;
import io.getaways.audit.VerificationResult;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and verifies as the auditor role through the application pool, so that neither
 * the service nor the command line needs a login that may change the log: the auditor
 * role may only read it, and the sealer runs as a job.
 */
@Service
class AuditLogService implements AuditLog {

	private final AuditEntries entries;

	private final ChainVerifier verifier;

	private final AuditSealer sealer;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate readWrite;

	AuditLogService(AuditEntries entries, ChainVerifier verifier, AuditSealer sealer,
			TransactionTemplate transactions) {
		this.entries = entries;
		this.verifier = verifier;
		this.sealer = sealer;
		this.readWrite = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	@Override
	public AuditPage search(AuditQuery query) {
		return asAuditor(() -> readOnly
			.execute(status -> new AuditPage(entries.find(query), query.page(), query.size(), entries.count(query))));
	}

	/**
	 * The first seal notes how far the log reached when verification started; the second
	 * seals up to there, unless a transaction older than the verification is still open,
	 * whose entries then stay after the sealed range.
	 */
	@Override
	public VerificationResult verify() {
		sealer.seal("audit-verify");
		sealer.seal("audit-verify");
		return asAuditor(() -> readOnly.execute(status -> verifier.walk()));
	}

	@Override
	public long recordEvent(String kind, String recordId, Map<String, String> details) {
		return readWrite.execute(status -> entries.recordEvent(kind, recordId, details == null ? Map.of() : details));
	}

	/**
	 * The one place where a read switches to the auditor role; the caller's request
	 * details stay with it.
	 */
	private static <T> T asAuditor(Supplier<T> read) {
		Actor caller = ActorContext.current();
		Actor auditor = new Actor(Actor.Role.AUDITOR, caller.userId(), caller.name(), caller.clientIp(),
				caller.userAgent(), caller.requestId());
		return ActorContext.callAs(auditor, read);
	}

}
