# search: GET /api/v1/search over a generated catalog (BENCH_SEARCH_ROWS listings, 100,000 by default, half trips and
# half stays, written straight into PostgreSQL and indexed) against the catalog's former ILIKE search run as SQL over
# JDBC on the same data, with the same texts and clients; driven by bench/src/SearchBench.java on a throwaway data
# directory.

scenario_dir="$WORK_DIR/search"
data_dir="$scenario_dir/data"
# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
rm -rf "$data_dir" "$scenario_dir/backups"
mkdir -p "$scenario_dir"

start_app "$data_dir" "$scenario_dir/app.log"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s"

pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"
owner_password="$(grep '^owner=' "$data_dir/secrets.properties" | cut -d= -f2-)"

output="$(java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" SearchBench \
	--base-url "http://127.0.0.1:$APP_PORT" --jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" \
	--app-user getaways_app --app-password "$app_password" --owner-password "$owner_password" \
	--rows "${BENCH_SEARCH_ROWS:-100000}" --clients "${BENCH_CLIENTS:-8}" --seconds "${BENCH_DURATION_S:-30}" \
	--warmup-seconds "${BENCH_WARMUP_S:-15}")" \
	|| die "benchmark failed (app log: $scenario_dir/app.log): $(tail -n 1 <<<"$output")"
stop_app
publish search "$(tail -n 1 <<<"$output")"
