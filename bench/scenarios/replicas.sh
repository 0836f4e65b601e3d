# replicas: the read path of trip-read (a trip, plus the traveller's account and bookings, which reach PostgreSQL on
# every request) against a service with no replica and then one with an embedded streaming standby
# (getaways.embedded.replicas=1), each on a throwaway data directory, in the same run; then book-and-cancel load on
# the replicated service while the primary's pg_stat_replication.replay_lag is sampled, and again with
# getaways.replicas.synchronous=true for what waiting for the standby costs a booking. Driven by
# bench/src/ReplicaRead.java; see that file for the figures.

scenario_dir="$WORK_DIR/replicas"
mkdir -p "$scenario_dir"

superuser_url() {
	echo "jdbc:postgresql://localhost:$1/getaways?user=postgres"
}

# start_phase NAME DATA_DIR [APP_ARG...]: starts the service and sets primary_url to its primary's superuser URL.
# A new data directory with a standby to make takes minutes on a busy machine.
start_phase() {
	local name="$1" data="$2" seconds
	shift 2
	start_app "$data" "$scenario_dir/$name.log" "$@"
	seconds="$(wait_up 900 "$scenario_dir/$name.log")" || exit 1
	log "$name: UP after ${seconds}s"
	primary_url="$(superuser_url "$(sed -n 4p "$data/postgres/postmaster.pid")")"
}

run_phase() {
	local name="$1"
	shift
	java -XX:+UseSerialGC -Xmx256m -cp "$BENCH_CP" ReplicaRead --base-url "http://127.0.0.1:$APP_PORT" \
		--primary-jdbc "$primary_url" "$@" | tail -n 1 || die "$name failed (app log in $scenario_dir)"
}

rm -rf "$scenario_dir/none" "$scenario_dir/one"
start_phase none "$scenario_dir/none/data"
none="$(run_phase "read phase without a replica" --phase read)" || exit 1
stop_app

start_phase one "$scenario_dir/one/data" --getaways.embedded.replicas=1
standby_url="$(superuser_url "$(cat "$scenario_dir/one/data/postgres-replica-1/getaways-port")")"
one="$(run_phase "read phase with a replica" --phase read --standby-jdbc "$standby_url")" || exit 1
booking="$(run_phase "booking phase" --phase booking)" || exit 1
stop_app

# The same service again with commits waiting for the standby's flush: what synchronous replication costs a booking.
start_phase synchronous "$scenario_dir/one/data" --getaways.embedded.replicas=1 --getaways.replicas.synchronous=true
synchronous="$(run_phase "synchronous booking phase" --phase booking)" || exit 1
stop_app

publish replicas "$(java -cp "$BENCH_CP" ReplicaRead --phase summary --none "$none" --one "$one" --booking "$booking" \
	--booking-synchronous "$synchronous")"
