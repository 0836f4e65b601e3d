package io.getaways.audit;

import javax.sql.DataSource;

import io.getaways.audit.internal.ChainVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain verification of {@link AuditLog#verify()} over a database other than the
 * service's own, such as one restored from a backup. It only reads: entries the restored
 * database had not sealed yet are not checked.
 */
public final class AuditChain {

	private AuditChain() {
	}

	/**
	 * Walks the sealed chain of the database behind the given data source, whose user may
	 * read the audit schema.
	 */
	public static VerificationResult verify(DataSource dataSource) {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transaction.setReadOnly(true);
		return transaction.execute(status -> ChainVerifier.walk(JdbcClient.create(dataSource)));
	}

}
