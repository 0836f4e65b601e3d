# audit-overhead: the same write transaction with and without the audit trigger at 8 concurrent connections,
# driven by bench/src/AuditOverhead.java against the embedded PostgreSQL of a throwaway data directory (it disables
# the trigger as the owner for the second half, so it never runs against a database that matters).

scenario_dir="$WORK_DIR/audit-overhead"
data_dir="$scenario_dir/data"
# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
rm -rf "$data_dir" "$scenario_dir/backups"
mkdir -p "$scenario_dir"

start_app "$data_dir" "$scenario_dir/app.log"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"
output="$(GETAWAYS_DB_OWNER_PASSWORD="$(grep '^owner=' "$data_dir/secrets.properties" | cut -d= -f2-)" \
	java -cp "$BENCH_CP" AuditOverhead \
	"jdbc:postgresql://localhost:$pg_port/getaways" getaways_app "$app_password")" \
	|| die "benchmark failed (app log: $scenario_dir/app.log)"
stop_app
publish audit-overhead "$(tail -n 1 <<<"$output")"
