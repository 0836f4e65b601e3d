# booking: book-and-pay cycles through the HTTP API against the same transactions' SQL over JDBC, at the same
# concurrency, driven by bench/src/BookingBench.java against a service of its own on a throwaway data directory
# (rate limits off, simulated gateway without latency). The API warm-up is long by default: at a few dozen cycles a
# second the JIT compiler is still busy with the service's code a minute in.

scenario_dir="$WORK_DIR/booking"
data_dir="$scenario_dir/data"
# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
rm -rf "$data_dir" "$scenario_dir/backups"
mkdir -p "$scenario_dir"

start_app "$data_dir" "$scenario_dir/app.log"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"

# Opt-in CPU profile of the app over both phases; read it with `jfr print --events jdk.ExecutionSample`.
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
	jfr_file="$scenario_dir/app-$(date -u +%Y%m%dT%H%M%SZ).jfr"
	jcmd "$APP_PID" JFR.start name=bench settings=profile filename="$jfr_file" >&2 || die "could not start JFR"
fi

output="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" BookingBench \
	--base-url "http://127.0.0.1:$APP_PORT" --jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" \
	--app-user getaways_app --app-password "$app_password" --clients "${BENCH_CLIENTS:-16}" \
	--seconds "${BENCH_DURATION_S:-30}" --warmup-seconds "${BENCH_WARMUP_S:-60}" --trips "${BENCH_TRIPS:-8}" \
	--app-pid "$APP_PID" --postgres-pid "$(postmaster_pid)")" \
	|| die "benchmark failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$output")"
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
	jcmd "$APP_PID" JFR.stop name=bench >&2 || log "could not stop JFR; the recording may be incomplete"
	log "CPU profile: ${jfr_file#"$ROOT"/}"
fi
stop_app
publish booking "$(tail -n 1 <<<"$output")"
