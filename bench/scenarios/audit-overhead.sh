# audit-overhead: book-and-pay cycles (the booking bench's sql_with_outbox cycle) with the audit triggers of every
# table they write enabled and disabled, alternating, at 8 concurrent connections; then a one-row UPDATE the same
# way, as a secondary figure. Driven by bench/src/AuditOverhead.java against the service and embedded PostgreSQL of a
# throwaway data directory (it disables the triggers as the owner, so it never runs against a database that matters;
# the service is needed to register the travellers and runs the audit sealer as it would in production).

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
	java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" AuditOverhead --base-url "http://127.0.0.1:$APP_PORT" \
	--jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" --app-user getaways_app \
	--app-password "$app_password" --seconds "${BENCH_DURATION_S:-15}" --rounds "${BENCH_ROUNDS:-3}" \
	--app-pid "$APP_PID" --postgres-pid "$(postmaster_pid)")" \
	|| die "benchmark failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$output")"
stop_app
publish audit-overhead "$(tail -n 1 <<<"$output")"
