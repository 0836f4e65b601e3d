# startup: seconds from process start to /actuator/health UP, on a new empty data directory and on the same
# directory again, plus the JVM's peak RSS over startup and a short idle period after it.

STARTUP_TARGET_EXISTING_S=15
runs="${BENCH_STARTUP_RUNS:-3}"
idle_s="${BENCH_IDLE_S:-10}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_STARTUP_RUNS must be a positive whole number but was '$runs'"
[[ "$idle_s" =~ ^[0-9]+$ ]] || die "BENCH_IDLE_S must be a whole number of seconds but was '$idle_s'"

scenario_dir="$WORK_DIR/startup"
rm -rf "$scenario_dir"
mkdir -p "$scenario_dir"

# Samples VmRSS while idle so the app log and the figures agree on when memory settles; VmHWM, kept by the kernel,
# is the peak over the whole life of the process. Echoes "peak_kb rss_at_end_kb".
idle_then_peak_kb() {
	local end rss
	end=$((SECONDS + idle_s))
	while ((SECONDS < end)); do
		rss="$(vm_kb "$APP_PID" VmRSS)"
		sleep 0.5
	done
	rss="$(vm_kb "$APP_PID" VmRSS)"
	echo "$(vm_kb "$APP_PID" VmHWM) ${rss:-0}"
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

mb() {
	awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'
}

new_samples=()
existing_samples=()
details=()
peak_kb=0
rss_end_kb=0
stores_mb=0
for run in $(seq 1 "$runs"); do
	# Each run is an installation of its own, with the default backup repository beside its data directory.
	data_dir="$scenario_dir/run-$run/data"
	for kind in new existing; do
		log_file="$scenario_dir/app-$run-$kind.log"
		read -r busy_before total_before < <(machine_ticks)
		start_app "$data_dir" "$log_file"
		seconds="$(wait_up 300 "$log_file")" || exit 1
		read -r busy_after total_after < <(machine_ticks)
		jvm_ticks="$(process_ticks "$APP_PID")"
		# Busy cores over the startup: well above what the JVM used means something else competed for the CPUs.
		cpu="$(awk -v bb="$busy_before" -v tb="$total_before" -v ba="$busy_after" -v ta="$total_after" \
			-v j="$jvm_ticks" -v n="$(nproc)" -v s="$seconds" \
			'BEGIN { w = (ta - tb) / n; printf "%.2f %.2f", (ba - bb) / w, j / w * s }')"
		read -r busy_cores jvm_cpu_s <<<"$cpu"
		log "run $run/$runs, $kind directory: UP after ${seconds}s (JVM CPU ${jvm_cpu_s}s, machine busy ${busy_cores} cores); idling ${idle_s}s"
		read -r hwm rss < <(idle_then_peak_kb)
		((hwm > peak_kb)) && peak_kb=$hwm
		rss_end_kb=$rss
		stores_mb="$(stores_rss_mb)"
		log "run $run/$runs, $kind directory: peak RSS $(mb "$hwm") MB, RSS after idle $(mb "$rss") MB"
		stop_app
		if [[ $kind == new ]]; then new_samples+=("$seconds"); else existing_samples+=("$seconds"); fi
		details+=("$(printf '{"run":%d,"dir":"%s","seconds":%s,"jvm_cpu_s":%s,"machine_busy_cores":%s,"peak_rss_mb":%s}' \
			"$run" "$kind" "$seconds" "$jvm_cpu_s" "$busy_cores" "$(mb "$hwm")")")
	done
done

new_s="$(median "${new_samples[@]}")"
existing_s="$(median "${existing_samples[@]}")"
meets=false
awk -v s="$existing_s" -v t="$STARTUP_TARGET_EXISTING_S" 'BEGIN { exit !(s <= t) }' && meets=true
joined() { local IFS=,; echo "$*"; }

figures="$(printf '{"scenario":"startup","new_dir_seconds":%s,"existing_dir_seconds":%s,"peak_rss_mb":%s,"target_existing_dir_seconds":%d,"meets_target":%s,"runs":%d,"idle_s":%d,"rss_after_idle_mb":%s,"stores_rss_mb":%s,"samples":[%s]}' \
	"$new_s" "$existing_s" "$(mb "$peak_kb")" "$STARTUP_TARGET_EXISTING_S" "$meets" "$runs" "$idle_s" \
	"$(mb "$rss_end_kb")" "$stores_mb" "$(joined "${details[@]}")")"
publish startup "$figures"
