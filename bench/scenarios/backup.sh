# backup: the built-in backup of the embedded PostgreSQL, on a database grown past 1 GB in one run:
# 1. a base backup through the admin API against tar | gzip -1 and plain tar of the same data directory;
# 2. how long after a moment of booking load its WAL segment is in the repository (the recovery point);
# 3. a restore of that backup into a new directory, and the service started on it until ready.
# Needs psql, tar, gzip and zstd besides the harness's JDK, bash and curl.

scenario_dir="$WORK_DIR/backup"
data_dir="$scenario_dir/data"
repo="$scenario_dir/backups"
restored_dir="$scenario_dir/restored"
rm -rf "$data_dir" "$repo" "$restored_dir" "$scenario_dir"/tar-out.*
mkdir -p "$scenario_dir"
command -v psql >/dev/null || die "psql not found on PATH"

target_bytes="${BENCH_BACKUP_BYTES:-1100000000}"
admin_email="bench-admin@example.test"
admin_password="bench-admin-password"

# Overall health stays DOWN until a verified backup exists (the backup indicator), so the harness's wait_up would
# never see a new directory UP; readiness, which depends on PostgreSQL only, says when the service takes traffic.
# wait_ready TIMEOUT_S LOG_FILE: echoes seconds from process start to the first ready answer.
wait_ready() {
	local timeout_s="$1" log_file="$2"
	while ! curl -sf -m 2 "http://127.0.0.1:$APP_PORT/actuator/health/readiness" | grep -q '"status":"UP"}$'; do
		if ! alive "$APP_PID"; then
			tail -n 40 "$log_file" >&2
			die "app exited during startup (log: $log_file)"
		fi
		awk -v a="$APP_START_S" -v b="$EPOCHREALTIME" -v t="$timeout_s" 'BEGIN { exit !(b - a > t) }' \
			&& die "app not ready after ${timeout_s}s (log: $log_file)"
		sleep 0.1
	done
	awk -v a="$APP_START_S" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", b - a }'
}

# BENCH_BACKUP_APP_ARGS: backup settings to measure, such as --getaways.backup.compression-level=-10
# shellcheck disable=SC2086 # several arguments on purpose
start_app "$data_dir" "$scenario_dir/app.log" --getaways.backup.repository="$repo" ${BENCH_BACKUP_APP_ARGS:-}
seconds="$(wait_ready 300 "$scenario_dir/app.log")" || exit 1
log "ready after ${seconds}s"

pg_port="$(sed -n 4p "$data_dir/postgres/postmaster.pid")"
# The embedded server trusts local connections of its superuser.
sql() {
	psql -X -q -v ON_ERROR_STOP=1 -At -h localhost -p "$pg_port" -U postgres -d getaways "$@"
}

# The admin registers like anyone and gets the role as the superuser. `users create` would be the operator's way,
# but it does not migrate: on a new directory it stops with "Could not open JDBC Connection for transaction" (the
# pool's cause: role "getaways_app" does not exist), and once the service runs the directory is in use.
curl -sf -o /dev/null -H 'Content-Type: application/json' \
	-d "{\"email\":\"$admin_email\",\"name\":\"Bench Admin\",\"password\":\"$admin_password\"}" \
	"http://127.0.0.1:$APP_PORT/api/v1/auth/register" || die "registering the admin failed"
sql -c "INSERT INTO app.user_roles (user_id, role) SELECT id, 'admin' FROM app.users WHERE email = '$admin_email'" \
	|| die "granting the admin role failed"
token="$(curl -sf -H 'Content-Type: application/json' \
	-d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" \
	"http://127.0.0.1:$APP_PORT/api/v1/auth/login" | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p')"
[[ -n "$token" ]] || die "admin sign-in failed"

# --- grow the database --------------------------------------------------------------------------------------------
# Travellers, trips and their bookings as the service would hold them after a few years: every row satisfies the
# schema's constraints and foreign keys, and trips count the seats of their bookings. The audit trigger and the
# insert guard (a booking starts PENDING) are off inside the generating transaction only, as for a bulk import: audit
# entries for millions of rows would keep the sealer busy through every timing, and a booking's history of states is
# not what is measured. Other sessions never see the triggers off, since the DDL commits with the rows.
log "growing the database to at least $target_bytes bytes"
grow_start="$EPOCHREALTIME"
sql <<-'SQL' || die "generating users and trips failed"
	INSERT INTO app.users (email, name, password_hash)
	SELECT 'bench-traveller-' || i || '@example.test', 'Traveller ' || i, u.password_hash
	FROM generate_series(1, 2000) i, app.users u WHERE u.email = 'bench-admin@example.test';
	INSERT INTO app.user_roles (user_id, role)
	SELECT id, 'customer' FROM app.users WHERE email LIKE 'bench-traveller-%';
	INSERT INTO app.trips (code, name, resort, departs_at, nights, price_per_person, capacity)
	SELECT 'BENCH' || lpad(i::text, 6, '0'), 'Generated trip ' || i, 'Resort ' || (i % 97),
		date_trunc('day', now()) - interval '730 days' + (i % 1095) * interval '1 day', 3 + i % 12,
		200 + (i % 50) * 25, 1000000
	FROM generate_series(1, 3000) i;
SQL
batch=0
while (($(sql -c "SELECT pg_database_size('getaways')") < target_bytes)); do
	batch=$((batch + 1))
	sql <<-'SQL' || die "generating bookings failed"
		BEGIN;
		ALTER TABLE app.bookings DISABLE TRIGGER bookings_audit, DISABLE TRIGGER bookings_guard_insert;
		WITH t AS (SELECT row_number() OVER (ORDER BY id) AS n, id, departs_at, nights, price_per_person
		           FROM app.trips WHERE code LIKE 'BENCH%'),
		     u AS (SELECT row_number() OVER (ORDER BY id) AS n, id FROM app.users WHERE email LIKE 'bench-traveller-%'),
		     g AS (SELECT i, 1 + i % 4 AS seats, i % 20 = 0 AS cancelled FROM generate_series(1, 500000) i)
		INSERT INTO app.bookings (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount,
			currency, status, confirmed_at, completed_at, cancelled_at, cancellation_reason, refund_amount, created_at,
			updated_at)
		SELECT u.id, t.id, g.seats, t.departs_at, t.departs_at + t.nights * interval '1 day', t.price_per_person,
			g.seats, t.price_per_person * g.seats, 'USD',
			CASE WHEN g.cancelled THEN 'CANCELLED'
				WHEN t.departs_at + t.nights * interval '1 day' < now() THEN 'COMPLETED' ELSE 'CONFIRMED' END,
			t.departs_at - interval '30 days',
			CASE WHEN NOT g.cancelled AND t.departs_at + t.nights * interval '1 day' < now()
				THEN t.departs_at + t.nights * interval '1 day' END,
			CASE WHEN g.cancelled THEN t.departs_at - interval '20 days' END,
			CASE WHEN g.cancelled THEN 'CUSTOMER' END,
			CASE WHEN g.cancelled THEN t.price_per_person * g.seats END,
			t.departs_at - interval '31 days', t.departs_at - interval '30 days'
		FROM g JOIN t ON t.n = 1 + g.i % 3000 JOIN u ON u.n = 1 + (g.i::bigint * 7919) % 2000;
		ALTER TABLE app.bookings ENABLE TRIGGER bookings_audit, ENABLE TRIGGER bookings_guard_insert;
		COMMIT;
	SQL
	log "batch $batch: database $(sql -c "SELECT pg_size_pretty(pg_database_size('getaways'))")"
done
sql <<-'SQL' || die "counting seats failed"
	UPDATE app.trips t SET seats_booked = s.seats, capacity = s.seats + 20
	FROM (SELECT trip_id, sum(seats) AS seats FROM app.bookings WHERE status <> 'CANCELLED' GROUP BY trip_id) s
	WHERE s.trip_id = t.id AND t.code LIKE 'BENCH%';
	VACUUM (ANALYZE) app.bookings;
	CHECKPOINT;
SQL
grow_s="$(awk -v a="$grow_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
bookings="$(sql -c "SELECT count(*) FROM app.bookings")"
log "grown in ${grow_s}s: $bookings bookings"

# The generation left a gigabyte or more of WAL for the archiver to compress; timings start once it has caught up,
# or they would share the CPUs with it.
wait_archived() {
	local segment archived
	segment="$(sql -c "SELECT pg_walfile_name(pg_switch_wal())")"
	for _ in $(seq 1 1800); do
		archived="$(sql -c "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")"
		[[ "$archived" > "$segment" || "$archived" == "$segment" ]] && return 0
		sleep 1
	done
	die "the archiver did not reach $segment within 30 minutes (last archived: $archived)"
}
log "waiting for the WAL archiver to catch up"
wait_archived

# --- 1. base backup against tar -----------------------------------------------------------------------------------
drop_caches() {
	sync
	if echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then echo true; else echo false; fi
}
seconds_since() {
	awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}
api() {
	curl -sf -H "Authorization: Bearer $token" "$@"
}
# Reads JSON through the server at hand rather than adding a JSON tool to the requirements.
json_field() {
	sql -v "doc=$1" <<<"SELECT :'doc'::json ->> '$2'"
}

caches_dropped=true
backup_runs=()
base_runs=()
tar_gzip_runs=()
tar_runs=()
backup_ids=()
data_bytes=""
run_backup() {
	local location job state
	[[ "$(drop_caches)" == true ]] || caches_dropped=false
	location="$(api -X POST -o /dev/null -D - "http://127.0.0.1:$APP_PORT/api/v1/admin/backups" \
		| tr -d '\r' | sed -n 's/^[Ll]ocation: *//p')"
	[[ -n "$location" ]] || die "POST /api/v1/admin/backups gave no Location"
	while true; do
		job="$(api "http://127.0.0.1:$APP_PORT$location")" || die "polling $location failed"
		state="$(json_field "$job" state)"
		[[ "$state" == RUNNING ]] || break
		sleep 0.5
	done
	[[ "$state" == SUCCEEDED ]] || die "backup job ended $state: $job"
	local id list seconds
	id="$(json_field "$job" backupId)"
	seconds="$(sql -v "doc=$job" <<<\
		"SELECT round(extract(epoch FROM (:'doc'::json->>'finishedAt')::timestamptz - (:'doc'::json->>'startedAt')::timestamptz), 3)")"
	list="$(api "http://127.0.0.1:$APP_PORT/api/v1/admin/backups")" || die "listing backups failed"
	data_bytes="$(sql -v "doc=$list" <<<\
		"SELECT b->>'dataBytes' FROM json_array_elements(:'doc'::json) b WHERE b->>'id' = '$id'")"
	[[ -n "$data_bytes" ]] || die "backup $id is not in the list: $list"
	# the base backup proper: pg_backup_start to pg_backup_stop, every file copied, compressed and checksummed
	base_seconds="$(sql -v "doc=$list" <<<\
		"SELECT b->'phaseSeconds'->>'baseBackup' FROM json_array_elements(:'doc'::json) b WHERE b->>'id' = '$id'")"
	phases="$(sql -v "doc=$list" <<<\
		"SELECT b->'phaseSeconds' FROM json_array_elements(:'doc'::json) b WHERE b->>'id' = '$id'")"
	backup_ids+=("$id")
	backup_runs+=("$seconds")
	base_runs+=("$base_seconds")
	log "backup $id: $data_bytes data bytes; job ${seconds}s, phases $phases"
}
# GNU tar exits 1 when a file changed while it was read, which a live cluster's files do; that is not a failure here.
# run_tar plain|gzip|zstd: plain tar is the target's yardstick; tar | gzip -1 and tar | zstd -1 (all cores, as the
# backup's zstd uses them for large files) do the backup's compression work too.
run_tar() {
	local mode="$1" out start seconds
	out="$scenario_dir/tar-out.$$"
	[[ "$(drop_caches)" == true ]] || caches_dropped=false
	start="$EPOCHREALTIME"
	# The backup copies no WAL (it comes from the archive), so neither does tar.
	case "$mode" in
		gzip) { tar -cf - -C "$data_dir" --exclude='postgres/pg_wal/*' postgres || (($? == 1)); } | gzip -1 >"$out" ;;
		zstd) { tar -cf - -C "$data_dir" --exclude='postgres/pg_wal/*' postgres || (($? == 1)); } \
			| zstd -q -1 -T0 >"$out" ;;
		plain) tar -cf "$out" -C "$data_dir" --exclude='postgres/pg_wal/*' postgres || (($? == 1)) ;;
	esac
	sync "$out"
	seconds="$(seconds_since "$start")"
	rm -f "$out"
	case "$mode" in
		gzip) tar_gzip_runs+=("$seconds") ;;
		zstd) tar_zstd_runs+=("$seconds") ;;
		plain) tar_runs+=("$seconds") ;;
	esac
	log "tar ($mode) in ${seconds}s"
}
command -v zstd >/dev/null || die "zstd not found on PATH (Debian: apt-get install zstd)"
tar_zstd_runs=()
for round in 1 2; do
	log "round $round of the throughput comparison"
	run_backup
	run_tar gzip
	run_tar zstd
	run_tar plain
done

mb_s() {
	awk -v bytes="$data_bytes" -v s="$1" 'BEGIN { printf "%.1f", bytes / 1e6 / s }'
}
best() {
	printf '%s\n' "$@" | sort -g | head -n 1
}
runs_json() {
	local out="" s
	for s in "$@"; do out+="${out:+,}{\"seconds\":$s,\"mb_s\":$(mb_s "$s")}"; done
	printf '[%s]' "$out"
}
backup_mb_s="$(mb_s "$(best "${base_runs[@]}")")"
backup_job_mb_s="$(mb_s "$(best "${backup_runs[@]}")")"
tar_gzip1_mb_s="$(mb_s "$(best "${tar_gzip_runs[@]}")")"
tar_zstd1_mb_s="$(mb_s "$(best "${tar_zstd_runs[@]}")")"
tar_mb_s="$(mb_s "$(best "${tar_runs[@]}")")"
log "MB/s: base backup $backup_mb_s (whole job $backup_job_mb_s), tar | gzip -1 $tar_gzip1_mb_s, tar | zstd -1 $tar_zstd1_mb_s, tar $tar_mb_s"

# --- 2. recovery point under booking load --------------------------------------------------------------------------
# Once a second a probe notes the current WAL position and the time; everything committed before that moment lies in
# or before that position's segment, so the segment's arrival in the repository bounds how much such a commit could
# lose. A watcher notes when each segment file first appears (the archive command renames it into place whole).
rpo_dir="$scenario_dir/rpo"
rm -rf "$rpo_dir"
mkdir -p "$rpo_dir"
app_password="$(grep '^app=' "$data_dir/secrets.properties" | cut -d= -f2-)"
load_s="${BENCH_DURATION_S:-150}"
log "booking load for ${load_s}s while probing the archive"
java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" BookingBench --api-only true \
	--base-url "http://127.0.0.1:$APP_PORT" --jdbc-url "jdbc:postgresql://localhost:$pg_port/getaways" \
	--app-user getaways_app --app-password "$app_password" --clients "${BENCH_CLIENTS:-8}" --seconds "$load_s" \
	--warmup-seconds "${BENCH_WARMUP_S:-10}" --trips "${BENCH_TRIPS:-8}" --app-pid "$APP_PID" \
	--postgres-pid "$(postmaster_pid)" >"$rpo_dir/load.out" 2>"$rpo_dir/load.err" &
load_pid=$!
(
	while true; do
		for f in "$repo"/wal/*.gz; do
			[[ -e "$f" ]] || continue
			name="${f##*/}"
			[[ -e "$rpo_dir/seen/$name" ]] && continue
			mkdir -p "$rpo_dir/seen"
			echo "$EPOCHREALTIME" >"$rpo_dir/seen/$name"
		done
		sleep 0.2
	done
) &
watcher_pid=$!
# Neither the load nor the watcher may outlive a failed step.
# (under set -e a failed kill of one already gone would end the trap before stop_app, and the run with status 1)
trap 'kill "$watcher_pid" "$load_pid" 2>/dev/null || true; stop_app' EXIT
while alive "$load_pid"; do
	t="$EPOCHREALTIME"
	segment="$(sql -c "SELECT pg_walfile_name(pg_current_wal_lsn())")" || break
	echo "$t $segment" >>"$rpo_dir/probes.txt"
	sleep 1
done
wait "$load_pid" || die "booking load failed: $(tail -n 3 "$rpo_dir/load.err")"
load_json="$(tail -n 1 "$rpo_dir/load.out")"
# Every probed segment arrives at the latest archive_timeout after the last probe; a minute and a half is generous.
last_segment="$(tail -n 1 "$rpo_dir/probes.txt" | cut -d' ' -f2)"
for _ in $(seq 1 90); do
	[[ -e "$rpo_dir/seen/$last_segment.gz" ]] && break
	sleep 1
done
kill "$watcher_pid" 2>/dev/null || true
wait "$watcher_pid" 2>/dev/null || true
delays=()
missing=0
while read -r t segment; do
	if [[ -e "$rpo_dir/seen/$segment.gz" ]]; then
		delays+=("$(awk -v a="$t" -v b="$(cat "$rpo_dir/seen/$segment.gz")" 'BEGIN { printf "%.3f", b - a }')")
	else
		missing=$((missing + 1))
	fi
done <"$rpo_dir/probes.txt"
((${#delays[@]} > 0)) || die "no probed segment reached the repository"
percentile() {
	printf '%s\n' "${delays[@]}" | sort -g | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p * NR + 99) / 100); if (i < 1) i = 1; print v[i] }'
}
rpo_p50="$(percentile 50)"
rpo_p99="$(percentile 99)"
rpo_max="$(percentile 100)"
segments_probed="$(cut -d' ' -f2 "$rpo_dir/probes.txt" | sort -u | wc -l)"
log "recovery point: p50 ${rpo_p50}s, p99 ${rpo_p99}s, max ${rpo_max}s over ${#delays[@]} probes ($missing missing)"
stop_app

# --- 3. restore to service-ready -----------------------------------------------------------------------------------
# The newest backup is the second of step 1; latest replays every archived segment after it, which includes the
# booking load of step 2.
log "restoring the latest backup into $restored_dir"
[[ "$(drop_caches)" == true ]] || caches_dropped=false
restore_start="$EPOCHREALTIME"
java -jar "$JAR" restore --to latest --into "$restored_dir" --getaways.backup.repository="$repo" \
	>"$scenario_dir/restore.log" 2>&1 || die "restore failed: $(tail -n 5 "$scenario_dir/restore.log")"
restore_s="$(seconds_since "$restore_start")"
restored_bytes="$(du -sb "$restored_dir/postgres" | cut -f1)"
log "restored in ${restore_s}s ($restored_bytes bytes in postgres/)"
# Started the documented way, whose default repository (the data directory's parent's backups/) is the same one.
start_app "$restored_dir" "$scenario_dir/restored-app.log"
start_to_ready_s="$(wait_ready 900 "$scenario_dir/restored-app.log")" || exit 1
admin_sign_in="$(curl -sf -H 'Content-Type: application/json' \
	-d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" \
	"http://127.0.0.1:$APP_PORT/api/v1/auth/login" >/dev/null && echo signed-in || echo sign-in-failed)"
pg_port="$(sed -n 4p "$restored_dir/postgres/postmaster.pid")"
restored_count="$(sql -c "SELECT count(*) FROM app.bookings")"
log "ready ${start_to_ready_s}s after start; $restored_count bookings; admin $admin_sign_in"
stop_app
total_s="$(awk -v a="$restore_s" -v b="$start_to_ready_s" 'BEGIN { printf "%.3f", a + b }')"

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}
publish backup "$(printf '{"app_args":"%s","data_bytes":%s,"bookings":%s,"grow_s":%s,"caches_dropped":%s,"backup_ids":["%s"],"backup_mb_s":%s,"backup_job_mb_s":%s,"tar_gzip1_mb_s":%s,"tar_zstd1_mb_s":%s,"tar_mb_s":%s,"ratio_vs_tar_gzip1":%s,"ratio_vs_tar_zstd1":%s,"ratio_vs_tar":%s,"target_ratio":0.7,"meets_target_ratio_vs_tar":%s,"meets_target_ratio_vs_tar_gzip1":%s,"runs":{"backup":%s,"backup_job":%s,"tar_gzip1":%s,"tar_zstd1":%s,"tar":%s},"rpo":{"probes":%s,"missing":%s,"segments":%s,"p50_s":%s,"p99_s":%s,"max_s":%s,"archive_timeout_s":60,"target_p99_s":65,"meets_target":%s,"load":%s},"restore":{"data_bytes":%s,"restored_postgres_bytes":%s,"bookings":%s,"admin_sign_in":"%s","restore_s":%s,"start_to_ready_s":%s,"total_s":%s}}' \
	"${BENCH_BACKUP_APP_ARGS:-}" "$data_bytes" "$bookings" "$grow_s" "$caches_dropped" "$(IFS=,; echo "${backup_ids[*]}" | sed 's/,/","/g')" \
	"$backup_mb_s" "$backup_job_mb_s" "$tar_gzip1_mb_s" "$tar_zstd1_mb_s" "$tar_mb_s" "$(ratio "$backup_mb_s" "$tar_gzip1_mb_s")" \
	"$(ratio "$backup_mb_s" "$tar_zstd1_mb_s")" \
	"$(ratio "$backup_mb_s" "$tar_mb_s")" \
	"$(awk -v a="$backup_mb_s" -v b="$tar_mb_s" 'BEGIN { print (a / b >= 0.7) ? "true" : "false" }')" \
	"$(awk -v a="$backup_mb_s" -v b="$tar_gzip1_mb_s" 'BEGIN { print (a / b >= 0.7) ? "true" : "false" }')" \
	"$(runs_json "${base_runs[@]}")" "$(runs_json "${backup_runs[@]}")" "$(runs_json "${tar_gzip_runs[@]}")" "$(runs_json "${tar_zstd_runs[@]}")" \
	"$(runs_json "${tar_runs[@]}")" \
	"${#delays[@]}" "$missing" "$segments_probed" "$rpo_p50" "$rpo_p99" "$rpo_max" \
	"$(awk -v p="$rpo_p99" 'BEGIN { print (p <= 65) ? "true" : "false" }')" "${load_json:-null}" \
	"$data_bytes" "$restored_bytes" "$restored_count" "$admin_sign_in" "$restore_s" "$start_to_ready_s" "$total_s")"
