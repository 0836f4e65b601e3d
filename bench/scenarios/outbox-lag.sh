# outbox-lag: how far the MongoDB projection of a confirmed booking (its notification document, written after
# commit by an outbox listener) trails the commit, under the booking scenario's API load. bench/src/BookingBench.java
# drives the load alone (--api-only) and lists the bookings it confirmed in the measured window; then
# bench/src/OutboxLag.java reads their outbox rows from PostgreSQL and their documents from MongoDB.

scenario_dir="$WORK_DIR/outbox-lag"
data_dir="$scenario_dir/data"
# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
rm -rf "$data_dir" "$scenario_dir/backups"
mkdir -p "$scenario_dir"

# The embedded MongoDB runs inside the app's JVM and logs its port before logging is set up, so it gets one here.
mongo_port="$(free_port)"
start_app "$data_dir" "$scenario_dir/app.log" --getaways.embedded.mongo-port="$mongo_port"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"

confirmed="$scenario_dir/confirmed-bookings.txt"
rm -f "$confirmed"
load="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" BookingBench --api-only true \
	--confirmed-out "$confirmed" --base-url "http://127.0.0.1:$APP_PORT" \
	--jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" --app-user getaways_app --app-password "$app_password" \
	--clients "${BENCH_CLIENTS:-16}" --seconds "${BENCH_DURATION_S:-30}" --warmup-seconds "${BENCH_WARMUP_S:-60}" \
	--trips "${BENCH_TRIPS:-8}" --app-pid "$APP_PID" --postgres-pid "$(postmaster_pid)")" \
	|| die "booking load failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$load")"
output="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" OutboxLag \
	--jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" --app-user getaways_app --app-password "$app_password" \
	--mongo-uri "mongodb://127.0.0.1:$mongo_port/getaways" --bookings "$confirmed" \
	--load-json "$(tail -n 1 <<<"$load")" --wait-seconds "${BENCH_LAG_WAIT_S:-30}")" \
	|| die "lag measurement failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$output")"
stop_app
publish outbox-lag "$(tail -n 1 <<<"$output")"
