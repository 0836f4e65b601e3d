package io.getaways.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The permissions of each role, from {@code app.role_permissions}, reloaded every minute.
 */
@Component
class RolePermissions {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private volatile Map<String, Set<String>> byRole = Map.of();

	RolePermissions(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		reload();
	}

	Set<String> of(Collection<String> roles) {
		return roles.stream()
			.flatMap(role -> byRole.getOrDefault(role, Set.of()).stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	@Scheduled(fixedDelayString = "${getaways.identity.permissions-reload-interval:60s}")
	void reload() {
		List<String[]> pairs = ActorContext.callAs(Actor.job("role-permissions"),
				() -> transactions.execute(status -> jdbc.sql("SELECT role, permission FROM app.role_permissions")
					.query((row, n) -> new String[] { row.getString(1), row.getString(2) })
					.list()));
		Map<String, Set<String>> loaded = new HashMap<>();
		pairs.forEach(pair -> loaded.computeIfAbsent(pair[0], role -> new java.util.HashSet<>()).add(pair[1]));
		loaded.replaceAll((role, permissions) -> Set.copyOf(permissions));
		byRole = Map.copyOf(loaded);
	}

}
