# trip-read: single-trip reads (cache warm) against a trivial endpoint of the same app, driven by
# bench/src/TripRead.java; see that file for how load is generated and figures are computed.

scenario_dir="$WORK_DIR/trip-read"
data_dir="$scenario_dir/data"
mkdir -p "$scenario_dir"

# The measured start is always over an existing directory, so the demo catalog load is never part of it.
if [[ ! -f "$scenario_dir/prepared" ]]; then
	log "preparing $data_dir (first start loads the demo catalog)"
	# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
	rm -rf "$data_dir" "$scenario_dir/backups"
	start_app "$data_dir" "$scenario_dir/prepare.log"
	wait_up 300 "$scenario_dir/prepare.log" >/dev/null || exit 1
	stop_app
	touch "$scenario_dir/prepared"
fi

start_app "$data_dir" "$scenario_dir/app.log"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

# Opt-in CPU profile of the app over the whole load run (warm-up included); read it with
# `jfr print --events jdk.ExecutionSample`, or `jfr summary`.
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
	jfr_file="$scenario_dir/app-$(date -u +%Y%m%dT%H%M%SZ).jfr"
	jcmd "$APP_PID" JFR.start name=bench settings=profile filename="$jfr_file" >&2 || die "could not start JFR"
fi

# The load generator gets a small serial-GC heap: it shares the CPUs with the server, so its own GC threads
# should take as little of them as possible.
output="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" TripRead "http://127.0.0.1:$APP_PORT" "$APP_PID" \
	"$(postmaster_pid)")" \
	|| die "load generator failed (app log: $scenario_dir/app.log)"
figures="$(tail -n 1 <<<"$output")"
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
	jcmd "$APP_PID" JFR.stop name=bench >&2 || log "could not stop JFR; the recording may be incomplete"
	log "CPU profile: ${jfr_file#"$ROOT"/}"
fi
stores_mb="$(stores_rss_mb)"
stop_app
publish trip-read "${figures%\}},\"stores_rss_mb\":$stores_mb}"
