# import: a SQLite file of another booking system (BENCH_IMPORT_BOOKINGS bookings, default 1,000,000, with one
# customer per 10 and one tour per 100) brought in two ways on the same machine in the same run:
# 1. pgloader into plain tables of a scratch database on the embedded PostgreSQL: no constraints, audit or events;
# 2. `getaways.jar import sqlite` with the documented mapping: every row through the catalog's and identity's APIs,
#    with constraints, row-level security, trigger audit and outbox events, checkpointed per batch.
# Figures: rows per second of each and their ratio, and the import JVM's memory high-water mark (from
# /usr/bin/time). Both count every customer, tour and booking row.
# Needs pgloader, psql and /usr/bin/time besides the harness's JDK, bash and curl.

scenario_dir="$WORK_DIR/import"
data_dir="$scenario_dir/data"
source_file="$scenario_dir/source.db"
rm -rf "$scenario_dir"
mkdir -p "$scenario_dir"
command -v pgloader >/dev/null || die "pgloader not found on PATH (apt-get install -y pgloader)"
command -v psql >/dev/null || die "psql not found on PATH"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install -y time)"

bookings="${BENCH_IMPORT_BOOKINGS:-1000000}"
batch_size="${BENCH_IMPORT_BATCH_SIZE:-1000}"
[[ "$bookings" =~ ^[1-9][0-9]*$ ]] || die "BENCH_IMPORT_BOOKINGS must be a positive whole number but was '$bookings'"

log "writing $source_file with $bookings bookings"
counts="$(java -cp "$BENCH_CP" ImportData --file "$source_file" --bookings "$bookings")" || die "ImportData failed"
customers="$(sed -n 's/.*"customers":\([0-9]*\).*/\1/p' <<<"$counts")"
tours="$(sed -n 's/.*"tours":\([0-9]*\).*/\1/p' <<<"$counts")"
log "source: $counts"

cat >"$scenario_dir/mapping.yml" <<'YAML'
entities:
  - source: customers
    target: users
    key: email
    fields:
      email: email
      name: full_name
      password_salt: salt
      password_hash: hash
  - source: tours
    target: trips
    key: code
    fields:
      code: code
      name: title
      resort: resort
      departs_at: {from: starts_on, convert: date, format: "yyyy-MM-dd"}
      nights: {from: nights, convert: int}
      price: {from: price, convert: money}
      capacity: {from: seats, convert: int}
      description: blurb
    defaults:
      currency: USD
  - source: booking_rows
    target: bookings
    key: reference
    fields:
      reference: reference
      user_email: email
      trip_code: tour_code
      seats: {from: seats, convert: int}
      booked_at: {from: booked_at, convert: instant}
YAML

# max_rss_mb TIME_OUTPUT: the "Maximum resident set size" /usr/bin/time -v reports, in MB.
max_rss_mb() {
	awk -F': ' '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }' "$1"
}

# 1. pgloader, into a scratch database of the embedded server, which trusts its local superuser.
start_app "$data_dir" "$scenario_dir/app.log"
while ! curl -sf -m 2 "http://127.0.0.1:$APP_PORT/actuator/health/readiness" | grep -q '"status":"UP"'; do
	alive "$APP_PID" || { tail -n 40 "$scenario_dir/app.log" >&2; die "app exited during startup"; }
	sleep 0.2
done
pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$pg_port" -U postgres -d postgres \
	-c "CREATE DATABASE pgloader_bench" || die "creating the pgloader database failed"
log "pgloader: $source_file into postgresql://localhost:$pg_port/pgloader_bench"
pg_start="$EPOCHREALTIME"
/usr/bin/time -v -o "$scenario_dir/pgloader.time" pgloader "sqlite://$source_file" \
	"postgresql://postgres@localhost:$pg_port/pgloader_bench" >"$scenario_dir/pgloader.log" 2>&1 \
	|| { tail -n 30 "$scenario_dir/pgloader.log" >&2; die "pgloader failed"; }
pg_seconds="$(awk -v a="$pg_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')"
pg_rows=$((customers + tours + bookings))
loaded="$(psql -X -At -h localhost -p "$pg_port" -U postgres -d pgloader_bench -c \
	"SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM tours) + (SELECT count(*) FROM bookings)")"
[[ "$loaded" == "$pg_rows" ]] || die "pgloader loaded $loaded rows of $pg_rows"
stop_app

# 2. The import, as an operator runs it, on the same data directory (the service stopped: the import starts it).
log "getaways import sqlite, batch size $batch_size"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several flags on purpose
/usr/bin/time -v -o "$scenario_dir/import.time" java $BENCH_JAVA_OPTS -jar "$JAR" \
	--getaways.data-dir="$data_dir" import sqlite "$source_file" --mapping "$scenario_dir/mapping.yml" --json \
	--batch-size "$batch_size" --rejects "$scenario_dir/rejects.csv" \
	>"$scenario_dir/import.json" 2>"$scenario_dir/import.log" \
	|| { tail -n 30 "$scenario_dir/import.log" >&2; die "the import failed or rejected rows"; }
report="$(tail -n 1 "$scenario_dir/import.json")"
import_ms="$(sed -n 's/.*"elapsedMs":\([0-9]*\).*/\1/p' <<<"$report")"
inserted="$(grep -o '"inserted":[0-9]*' <<<"$report" | awk -F: '{ s += $2 } END { print s }')"
[[ "$inserted" == "$pg_rows" ]] || die "the import inserted $inserted rows of $pg_rows"

figures="$(awk -v b="$bookings" -v c="$customers" -v t="$tours" -v ps="$pg_seconds" -v pr="$pg_rows" \
	-v ims="$import_ms" -v ir="$inserted" -v irss="$(max_rss_mb "$scenario_dir/import.time")" \
	-v prss="$(max_rss_mb "$scenario_dir/pgloader.time")" -v bs="$batch_size" 'BEGIN {
	irate = ir / (ims / 1000); prate = pr / ps
	printf "{\"bookings_in_source\":%d,\"customers\":%d,\"tours\":%d,\"batch_size\":%d,", b, c, t, bs
	printf "\"import_rows\":%d,\"import_seconds\":%.3f,\"import_rows_per_s\":%.1f,\"import_max_rss_mb\":%.1f,", ir, ims / 1000, irate, irss
	printf "\"pgloader_rows\":%d,\"pgloader_seconds\":%.3f,\"pgloader_rows_per_s\":%.1f,\"pgloader_max_rss_mb\":%.1f,", pr, ps, prate, prss
	printf "\"import_to_pgloader_rate\":%.4f}", irate / prate
}')"
publish import "$figures"
