# booking: book-and-pay cycles through the HTTP API against the same transactions' SQL over JDBC and against the same
# store work over the raw drivers, at the same concurrency, then at a fixed arrival rate (open loop); driven by
# bench/src/BookingBench.java against a service of its own on a throwaway data directory (rate limits off, simulated
# gateway without latency). The API warm-up is long by default: at a few dozen cycles a second the JIT compiler is
# still busy with the service's code a minute in. BENCH_EXTERNAL=1 runs the same against the machine's PostgreSQL and
# Redis (bench/lib/external.sh), MongoDB staying embedded.

scenario_dir="$WORK_DIR/booking"
data_dir="$scenario_dir/data"
# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
rm -rf "$data_dir" "$scenario_dir/backups"
mkdir -p "$scenario_dir"

mode=embedded
app_args=()
# The embedded MongoDB runs inside the app's JVM and logs its port before logging is set up, so it gets one here.
mongo_port="$(free_port)"
if [[ "${BENCH_EXTERNAL:-0}" == 1 ]]; then
	mode=external
	# shellcheck source=../lib/external.sh
	source "$BENCH_DIR/lib/external.sh"
	trap 'stop_app; external_cleanup' EXIT
	external_prepare
	app_args=("${EXTERNAL_APP_ARGS[@]}")
	jdbc_url="$EXTERNAL_JDBC_URL"
	app_user="$EXTERNAL_APP_USER"
	app_password="$EXTERNAL_APP_PASSWORD"
	redis_uri="$EXTERNAL_REDIS_URI"
else
	redis_port="$(free_port)"
	app_args=(--getaways.embedded.redis-port="$redis_port")
	redis_uri="redis://127.0.0.1:$redis_port"
fi

start_app "$data_dir" "$scenario_dir/app.log" --getaways.embedded.mongo-port="$mongo_port" "${app_args[@]}"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s ($mode mode)"

if [[ "$mode" == embedded ]]; then
	jdbc_url="jdbc:postgresql://localhost:$(sed -n 4p "$data_dir/postgres/postmaster.pid")/getaways"
	app_user=getaways_app
	app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"
	postgres_pid="$(postmaster_pid)"
else
	postgres_pid="$EXTERNAL_POSTGRES_PID"
fi

# Opt-in CPU profile of the app over every phase; summarised below, and kept for `jfr print` or a flame graph.
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
	jfr_file="$scenario_dir/app-$(date -u +%Y%m%dT%H%M%SZ).jfr"
	jcmd "$APP_PID" JFR.start name=bench settings=profile filename="$jfr_file" >&2 || die "could not start JFR"
fi

output="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" BookingBench --mode "$mode" \
	--base-url "http://127.0.0.1:$APP_PORT" --jdbc-url "$jdbc_url" \
	--app-user "$app_user" --app-password "$app_password" --clients "${BENCH_CLIENTS:-16}" \
	--seconds "${BENCH_DURATION_S:-30}" --warmup-seconds "${BENCH_WARMUP_S:-60}" --trips "${BENCH_TRIPS:-8}" \
	--mongo-uri "mongodb://127.0.0.1:$mongo_port" --redis-uri "$redis_uri" --rate "${BENCH_RATE:-0}" \
	--open-loop-workers "${BENCH_OPEN_LOOP_WORKERS:-}" \
	--app-pid "$APP_PID" --postgres-pid "$postgres_pid" --redis-pid "${EXTERNAL_REDIS_PID:-}")" \
	|| die "benchmark failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$output")"
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
	jcmd "$APP_PID" JFR.stop name=bench >&2 || log "could not stop JFR; the recording may be incomplete"
	log "CPU profile: ${jfr_file#"$ROOT"/}"
	jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" | java -cp "$BENCH_CP" JfrTop >"${jfr_file%.jfr}-top.txt" \
		|| log "could not summarise the profile"
	cat "${jfr_file%.jfr}-top.txt" >&2
fi
stop_app
scenario_name=booking
[[ "$mode" == external ]] && scenario_name=booking-external
publish "$scenario_name" "$(tail -n 1 <<<"$output")"
