# web: the traveller site's home page, rendered on the server, against GET /api/v1/trips over the same demo
# catalog in the same run, driven by bench/src/WebBench.java (which uses trip-read's closed-loop clients).

scenario_dir="$WORK_DIR/web"
mkdir -p "$scenario_dir"
# A new data directory each run: the demo catalog is the same data for both phases; its first load is not measured.
rm -rf "$scenario_dir/data" "$scenario_dir/backups"
start_app "$scenario_dir/data" "$scenario_dir/app.log"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

output="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" WebBench "http://127.0.0.1:$APP_PORT" "$APP_PID" \
	"$(postmaster_pid)")" \
	|| die "load generator failed (app log: $scenario_dir/app.log)"
stop_app
publish web "$(tail -n 1 <<<"$output")"
