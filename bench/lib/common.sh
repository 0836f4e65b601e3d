# Shared by the scenarios; sourced by bench/run, which sets ROOT, BENCH_DIR, WORK_DIR and RESULTS_DIR (bench/figures
# sources it for log and die).

JAR="$ROOT/target/getaways.jar"
# Extra JVM flags for the application under test. Empty by default so that figures match the documented
# `java -jar target/getaways.jar`; results record what was used.
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-}"

APP_PID=""
APP_DATA_DIR=""
APP_PORT=""
APP_START_S=""

log() {
	printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

die() {
	log "FAILED: $*"
	exit 1
}

# Builds when the jar is missing or anything it is built from is newer.
ensure_jar() {
	if [[ -f "$JAR" ]] && [[ -z "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
		log "jar is up to date: $JAR"
		return
	fi
	log "building $JAR (./mvnw -B -DskipTests package)"
	(cd "$ROOT" && ./mvnw -B -q -DskipTests package) >&2 || die "build failed"
	[[ -f "$JAR" ]] || die "build finished without $JAR"
}

# A port nobody listens on right now; the app binds it a few hundred milliseconds later, so a race is possible
# but harmless: the start then fails visibly instead of measuring the wrong process.
free_port() {
	local port
	for _ in $(seq 1 100); do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	die "no free port found"
}

# start_app DATA_DIR LOG_FILE [APP_ARG...]: sets APP_PID, APP_PORT and APP_START_S (epoch seconds, microsecond
# precision); further arguments go to the app after the harness's own.
start_app() {
	APP_DATA_DIR="$1"
	local log_file="$2"
	shift 2
	APP_PORT="$(free_port)"
	mkdir -p "$APP_DATA_DIR"
	log "starting app on port $APP_PORT over $APP_DATA_DIR${BENCH_JAVA_OPTS:+ with $BENCH_JAVA_OPTS}"
	APP_START_S="$EPOCHREALTIME"
	# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several flags on purpose
	# One client address sends all the load here, so the per-address rate limit would measure itself, not the app.
	java $BENCH_JAVA_OPTS -jar "$JAR" --getaways.data-dir="$APP_DATA_DIR" --server.port="$APP_PORT" \
		--getaways.rate-limit.enabled=false "$@" >"$log_file" 2>&1 &
	APP_PID=$!
}

# Overall status only: component statuses are UP well before readiness flips at the end of startup.
health_is_up() {
	local body
	body="$(curl -s -m 2 "http://127.0.0.1:$APP_PORT/actuator/health")" || return 1
	[[ "$body" =~ \"status\":\"UP\"\}$ || "$body" =~ ^\{\"status\":\"UP\" ]]
}

# A process that exited but is not yet reaped by this shell still answers kill -0; its /proc state says Z.
alive() {
	[[ -r "/proc/$1/status" ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

vm_kb() {
	awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status" 2>/dev/null || true
}

# "busy total" jiffies over all CPUs, for how busy the whole machine was over an interval.
machine_ticks() {
	awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat
}

# utime + stime of one process, in jiffies.
process_ticks() {
	local stat
	stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
	stat="${stat##*) }"
	awk '{ print $12 + $13 }' <<<"$stat"
}

# wait_up TIMEOUT_S LOG_FILE: polls every 100 ms; echoes seconds from process start to the first UP answer.
wait_up() {
	local timeout_s="$1" log_file="$2" now
	while true; do
		if ! alive "$APP_PID"; then
			tail -n 40 "$log_file" >&2
			die "app exited during startup (log: $log_file)"
		fi
		if health_is_up; then
			now="$EPOCHREALTIME"
			awk -v a="$APP_START_S" -v b="$now" 'BEGIN { printf "%.3f\n", b - a }'
			return
		fi
		now="$EPOCHREALTIME"
		if awk -v a="$APP_START_S" -v b="$now" -v t="$timeout_s" 'BEGIN { exit !(b - a > t) }'; then
			tail -n 40 "$log_file" >&2
			die "app not UP after ${timeout_s}s (log: $log_file)"
		fi
		sleep 0.1
	done
}

# The embedded PostgreSQL runs detached from the JVM; its data directory names its pid.
postmaster_pid() {
	head -n 1 "$APP_DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true
}

# Graceful first, so the embedded PostgreSQL shuts down cleanly; after 60 s, kill the JVM and the store
# processes it started, which a killed JVM would otherwise leave behind.
stop_app() {
	[[ -n "$APP_PID" ]] || return 0
	local pid="$APP_PID" children postmaster
	APP_PID=""
	alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
	log "stopping app (pid $pid)"
	# the app may have exited since the check above; under set -e a failed kill would end the run
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 600); do
		alive "$pid" || break
		sleep 0.1
	done
	if alive "$pid"; then
		log "app did not stop within 60 s; killing pid $pid and the stores it started"
		children="$(ps -o pid= --ppid "$pid" 2>/dev/null || true)"
		postmaster="$(postmaster_pid)"
		# A stale pid file could name an unrelated process by now.
		[[ -n "$postmaster" && "$(ps -o comm= -p "$postmaster" 2>/dev/null || true)" == postgres ]] || postmaster=""
		kill -KILL "$pid" 2>/dev/null || true
		for child in $children $postmaster; do
			kill -KILL "$child" 2>/dev/null || true
		done
	fi
	wait "$pid" 2>/dev/null || true
	return 0
}

# Total RSS of the store servers the app started (embedded PostgreSQL with its backends, Redis); they run as
# separate processes and are not in the JVM's figure.
stores_rss_mb() {
	local total_kb=0 kb pid postmaster
	postmaster="$(postmaster_pid)"
	for pid in $(ps -o pid= --ppid "$APP_PID" 2>/dev/null || true) \
		${postmaster:+$postmaster $(ps -o pid= --ppid "$postmaster" 2>/dev/null || true)}; do
		kb="$(vm_kb "$pid" VmRSS)"
		total_kb=$((total_kb + ${kb:-0}))
	done
	awk -v kb="$total_kb" 'BEGIN { printf "%.1f\n", kb / 1024 }'
}

json_string() {
	local s="$1"
	s="${s//\\/\\\\}"
	s="${s//\"/\\\"}"
	printf '"%s"' "$s"
}

machine_json() {
	local mem_mb java_version commit dirty
	mem_mb="$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
	java_version="$(java -version 2>&1 | head -n 1)"
	commit="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
	dirty=false
	[[ -n "$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]] && dirty=true
	printf '{"nproc":%s,"memory_mb":%s,"loadavg_at_start":%s,"loadavg_at_end":%s,"cpu":%s,"kernel":%s,"java_version":%s,"git_commit":%s,"app_sources_dirty":%s,"app_java_opts":%s,"timestamp":%s}' \
		"$(nproc)" "$mem_mb" "$(json_string "$LOADAVG_AT_START")" "$(json_string "$(cut -d' ' -f1-3 /proc/loadavg)")" \
		"$(json_string "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)")" \
		"$(json_string "$(uname -sr)")" "$(json_string "$java_version")" "$(json_string "$commit")" "$dirty" \
		"$(json_string "$BENCH_JAVA_OPTS")" "$(json_string "$(date -u +%Y-%m-%dT%H:%M:%SZ)")"
}

# publish SCENARIO FIGURES_JSON: the figures plus machine info go to a timestamped file and to -latest, and the
# README's table follows them; the figures alone are the last line on stdout. Runs into another directory
# (BENCH_RESULTS_DIR) leave the table alone, since it states the committed results.
publish() {
	local scenario="$1" figures="$2" stamp file
	[[ "$figures" == \{*\} ]] || die "figures are not a JSON object: $figures"
	stamp="$(date -u +%Y%m%dT%H%M%SZ)"
	mkdir -p "$RESULTS_DIR"
	file="$RESULTS_DIR/$scenario-$stamp.json"
	printf '%s,"machine":%s}\n' "${figures%\}}" "$(machine_json)" >"$file"
	cp "$file" "$RESULTS_DIR/$scenario-latest.json"
	log "results: ${file#"$ROOT"/} (and $scenario-latest.json)"
	if [[ "$RESULTS_DIR" -ef "$BENCH_DIR/results" ]]; then
		figures_table || log "WARNING: the figures table of bench/README.md could not be written; run bench/figures"
	else
		log "results are not in bench/results, so bench/README.md's figures table stays as it is"
	fi
	printf '%s\n' "$figures"
}
