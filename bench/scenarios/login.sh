# login: sign-ins per second and latency at the configured Argon2id parameters, driven by
# bench/src/LoginBench.java against a service of its own (rate limits off, so the limiter is not what is measured).

scenario_dir="$WORK_DIR/login"
data_dir="$scenario_dir/data"
# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
rm -rf "$data_dir" "$scenario_dir/backups"
mkdir -p "$scenario_dir"

start_app "$data_dir" "$scenario_dir/app.log"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

output="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" LoginBench --base-url "http://127.0.0.1:$APP_PORT" \
	--users 40 --clients "${BENCH_CLIENTS:-4}" --seconds "${BENCH_DURATION_S:-15}" \
	--argon2-memory-kib 19456 --argon2-iterations 2 --argon2-parallelism 1)" \
	|| die "load generator failed (app log: $scenario_dir/app.log)"
stop_app
publish login "$(tail -n 1 <<<"$output")"
