# reports: the refresh time of every report view over BENCH_REPORTS_BOOKINGS generated bookings (default
# 1,000,000), driven by bench/src/ReportsRefresh.java against the embedded PostgreSQL of a throwaway data directory.
# It disables the audit triggers of bookings, payments and refunds for the load only (the result says so), so it
# never runs against a database that matters.

bookings="${BENCH_REPORTS_BOOKINGS:-1000000}"
[[ "$bookings" =~ ^[0-9]+$ ]] || die "BENCH_REPORTS_BOOKINGS must be a whole number but was '$bookings'"
scenario_dir="$WORK_DIR/reports"
data_dir="$scenario_dir/data"
# The default backup repository sits beside the data directory; a new cluster must not meet the old one's WAL.
rm -rf "$data_dir" "$scenario_dir/backups"
mkdir -p "$scenario_dir"

start_app "$data_dir" "$scenario_dir/app.log"
seconds="$(wait_up 300 "$scenario_dir/app.log")" || exit 1
log "UP after ${seconds}s; loading $bookings bookings"

pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"
output="$(GETAWAYS_DB_OWNER_PASSWORD="$(grep '^owner=' "$data_dir/secrets.properties" | cut -d= -f2-)" \
	java -cp "$BENCH_CP" ReportsRefresh \
	"jdbc:postgresql://localhost:$pg_port/getaways" getaways_app "$app_password" "$bookings")" \
	|| die "benchmark failed (app log: $scenario_dir/app.log)"
stop_app
publish reports "$(tail -n 1 <<<"$output")"
