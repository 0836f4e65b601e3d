# External mode of a scenario (BENCH_EXTERNAL=1): the service runs against the machine's PostgreSQL on
# 127.0.0.1:5432 (trust for the superuser postgres) and Redis on 127.0.0.1:6379, MongoDB staying embedded. Each run
# gets a database and roles of its own, provisioned as ops/postgres/provision.sql does for a real server
# (docs/external-servers.md), and an empty Redis database index of its own; external_cleanup drops and flushes them.
# Sourced by a scenario after common.sh.

EXTERNAL_PG_HOST="${BENCH_EXTERNAL_PG_HOST:-127.0.0.1}"
EXTERNAL_PG_PORT="${BENCH_EXTERNAL_PG_PORT:-5432}"
EXTERNAL_REDIS_HOST="${BENCH_EXTERNAL_REDIS_HOST:-127.0.0.1}"
EXTERNAL_REDIS_PORT="${BENCH_EXTERNAL_REDIS_PORT:-6379}"
EXTERNAL_PREFIX=""
EXTERNAL_REDIS_DB=""

external_psql() {
	psql -X -q -v ON_ERROR_STOP=1 -h "$EXTERNAL_PG_HOST" -p "$EXTERNAL_PG_PORT" -U postgres "$@"
}

external_redis() {
	redis-cli -h "$EXTERNAL_REDIS_HOST" -p "$EXTERNAL_REDIS_PORT" "$@"
}

# Sets EXTERNAL_APP_ARGS, EXTERNAL_JDBC_URL, EXTERNAL_APP_USER, EXTERNAL_APP_PASSWORD, EXTERNAL_REDIS_URI and the
# servers' pids for the CPU figures (EXTERNAL_POSTGRES_PID, EXTERNAL_REDIS_PID).
external_prepare() {
	local owner_password db index data_directory
	command -v psql >/dev/null || die "external mode needs psql"
	command -v redis-cli >/dev/null || die "external mode needs redis-cli"
	external_psql -Atc 'SELECT 1' >/dev/null \
		|| die "no PostgreSQL superuser postgres on $EXTERNAL_PG_HOST:$EXTERNAL_PG_PORT"
	[[ "$(external_redis ping 2>/dev/null)" == PONG ]] || die "no Redis on $EXTERNAL_REDIS_HOST:$EXTERNAL_REDIS_PORT"
	EXTERNAL_PREFIX="bench_$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
	owner_password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
	EXTERNAL_APP_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
	db="$EXTERNAL_PREFIX"
	log "external mode: database $db and roles ${EXTERNAL_PREFIX}_* on $EXTERNAL_PG_HOST:$EXTERNAL_PG_PORT"
	external_psql -v owner_password="$owner_password" -v prefix="$EXTERNAL_PREFIX" -v database="$db" \
		-f "$ROOT/ops/postgres/provision.sql" >&2 || die "provision.sql failed"
	# The first empty database index from the top, claimed with a marker key so that a parallel run takes another.
	for index in $(seq 15 -1 1); do
		if [[ "$(external_redis -n "$index" dbsize)" == 0 ]] \
			&& [[ "$(external_redis -n "$index" set bench:claimed "$EXTERNAL_PREFIX" NX)" == OK ]]; then
			EXTERNAL_REDIS_DB="$index"
			break
		fi
	done
	[[ -n "$EXTERNAL_REDIS_DB" ]] || die "no empty Redis database index on $EXTERNAL_REDIS_HOST:$EXTERNAL_REDIS_PORT"
	log "external mode: Redis database $EXTERNAL_REDIS_DB on $EXTERNAL_REDIS_HOST:$EXTERNAL_REDIS_PORT"
	EXTERNAL_JDBC_URL="jdbc:postgresql://$EXTERNAL_PG_HOST:$EXTERNAL_PG_PORT/$db"
	EXTERNAL_APP_USER="${EXTERNAL_PREFIX}_app"
	EXTERNAL_REDIS_URI="redis://$EXTERNAL_REDIS_HOST:$EXTERNAL_REDIS_PORT/$EXTERNAL_REDIS_DB"
	EXTERNAL_APP_ARGS=(--spring.datasource.url="$EXTERNAL_JDBC_URL" --spring.datasource.username="$EXTERNAL_APP_USER"
		--spring.datasource.password="$EXTERNAL_APP_PASSWORD" --getaways.db.role-prefix="$EXTERNAL_PREFIX"
		--getaways.db.owner.password="$owner_password" --spring.data.redis.url="$EXTERNAL_REDIS_URI"
		--getaways.backup.schedule=-)
	data_directory="$(external_psql -Atc 'SHOW data_directory' 2>/dev/null || true)"
	EXTERNAL_POSTGRES_PID="$(head -n 1 "$data_directory/postmaster.pid" 2>/dev/null || true)"
	EXTERNAL_REDIS_PID="$(external_redis info server | awk -F: '$1 == "process_id" { print $2 }' | tr -d '\r')"
}

# Safe to call twice and after a failed prepare.
external_cleanup() {
	local role
	if [[ -n "$EXTERNAL_REDIS_DB" ]]; then
		external_redis -n "$EXTERNAL_REDIS_DB" flushdb >/dev/null || log "WARNING: could not flush Redis database $EXTERNAL_REDIS_DB"
		EXTERNAL_REDIS_DB=""
	fi
	if [[ -n "$EXTERNAL_PREFIX" ]]; then
		log "external mode: dropping database $EXTERNAL_PREFIX and roles ${EXTERNAL_PREFIX}_*"
		external_psql -c "DROP DATABASE IF EXISTS \"$EXTERNAL_PREFIX\" WITH (FORCE)" >&2 \
			|| log "WARNING: could not drop database $EXTERNAL_PREFIX"
		for role in $(external_psql -Atc "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '${EXTERNAL_PREFIX}_')"); do
			external_psql -c "DROP OWNED BY \"$role\"" -c "DROP ROLE \"$role\"" >&2 \
				|| log "WARNING: could not drop role $role"
		done
		EXTERNAL_PREFIX=""
	fi
}
