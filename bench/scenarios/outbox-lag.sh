# outbox-lag: how far the MongoDB projection of a confirmed booking (its notification document, written after
# commit by an outbox listener) trails the commit, under the booking scenario's API load. bench/src/BookingBench.java
# drives the load alone (--api-only) and lists the bookings it confirmed in the measured window; then
# bench/src/OutboxLag.java reads their outbox rows from PostgreSQL and their documents from MongoDB.

scenario_dir="$WORK_DIR/outbox-lag"
data_dir="$scenario_dir/data"
rm -rf "$data_dir"
mkdir -p "$scenario_dir"

# The embedded MongoDB runs inside the app's JVM and logs its port before logging is set up, so it gets one here.
mongo_port="$(free_port)"
start_app "$data_dir" "$scenario_dir/app.log" --getaways.embedded.mongo-port="$mongo_port"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"
driver="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -n 1)"
# The three driver jars must be of one version: that of the newest sync driver in the local repository.
m2_mongo=~/.m2/repository/org/mongodb
mongo_version="$(ls "$m2_mongo/mongodb-driver-sync" | sort -V | tail -n 1)"
mongo_jars="$m2_mongo/mongodb-driver-sync/$mongo_version/mongodb-driver-sync-$mongo_version.jar"
mongo_jars+=":$m2_mongo/mongodb-driver-core/$mongo_version/mongodb-driver-core-$mongo_version.jar"
mongo_jars+=":$m2_mongo/bson/$mongo_version/bson-$mongo_version.jar"
for jar in ${mongo_jars//:/ }; do
	[[ -f "$jar" ]] || die "missing $jar (the MongoDB driver the app is built with; ./mvnw dependency:resolve fetches it)"
done

confirmed="$scenario_dir/confirmed-bookings.txt"
rm -f "$confirmed"
load="$(java -XX:+UseSerialGC -Xmx256m -cp "$driver" "$BENCH_DIR/src/BookingBench.java" --api-only true \
	--confirmed-out "$confirmed" --base-url "http://127.0.0.1:$APP_PORT" \
	--jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" --app-user getaways_app --app-password "$app_password" \
	--clients "${BENCH_CLIENTS:-16}" --seconds "${BENCH_DURATION_S:-30}" --warmup-seconds "${BENCH_WARMUP_S:-60}" \
	--trips "${BENCH_TRIPS:-8}" --app-pid "$APP_PID" --postgres-pid "$(postmaster_pid)")" \
	|| die "booking load failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$load")"
output="$(java -XX:+UseSerialGC -Xmx256m -cp "$driver:$mongo_jars" "$BENCH_DIR/src/OutboxLag.java" \
	--jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" --app-user getaways_app --app-password "$app_password" \
	--mongo-uri "mongodb://127.0.0.1:$mongo_port/getaways" --bookings "$confirmed" \
	--load-json "$(tail -n 1 <<<"$load")" --wait-seconds "${BENCH_LAG_WAIT_S:-30}")" \
	|| die "lag measurement failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$output")"
stop_app
publish outbox-lag "$(tail -n 1 <<<"$output")"
