package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.getaways.platform.PrimaryReads;
import io.getaways.platform.Workload;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The read-only DataSource behind the service's {@code LazyConnectionDataSourceProxy}: a
 * {@code @Transactional(readOnly = true)} transaction takes its connection here, from a
 * replica that serves and has replayed what its user must see, else from the primary's
 * workload pools. A replica that fails to give a connection is taken out of service and
 * the primary serves, so a read never fails because of a replica. Jobs read on the
 * primary: they act on what was just committed; so do reads inside
 * {@link PrimaryReads#call}.
 */
final class ReadOnlyRoutingDataSource extends AbstractDataSource {

	private final DataSource primary;

	private final ReplicaSet replicas;

	private final ConsistencyTokens tokens;

	ReadOnlyRoutingDataSource(DataSource primary, ReplicaSet replicas, ConsistencyTokens tokens) {
		this.primary = primary;
		this.replicas = replicas;
		this.tokens = tokens;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Optional<Replica> chosen = Workload.current() == Workload.JOBS || PrimaryReads.active() ? Optional.empty()
				: replicas.choose(tokens.required());
		if (chosen.isPresent()) {
			Replica replica = chosen.get();
			try {
				Connection connection = replica.pool().getConnection();
				replicas.servedBy(replica);
				ReplicaReads.used(replica);
				return connection;
			}
			catch (SQLException ex) {
				replicas.markDown(replica, ex);
			}
		}
		replicas.servedByPrimary();
		return primary.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("replica reads log in with the pools' own credentials only");
	}

}
