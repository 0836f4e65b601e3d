# Compiling and running the Java programs under bench/src; sourced after common.sh by bench/run and bench/figures.
# The programs share code (bench/src/support), so they are compiled together instead of launched one source file at
# a time, against the drivers the app is built with, from the local Maven repository the build fills.

CLASSES_DIR="$WORK_DIR/classes"
# The classpath to run the programs with; set by compile_bench.
BENCH_CP=""

# m2_version GROUP_PATH ARTIFACT: the newest version of that artifact in the local Maven repository.
m2_version() {
	ls "$HOME/.m2/repository/$1/$2" 2>/dev/null | sort -V | tail -n 1
}

# m2_jar GROUP_PATH ARTIFACT VERSION
m2_jar() {
	local jar="$HOME/.m2/repository/$1/$2/$3/$2-$3.jar"
	[[ -f "$jar" ]] || die "missing $jar (the app's build fetches it: ./mvnw -B -DskipTests package)"
	echo "$jar"
}

# The PostgreSQL, MongoDB, Redis (Lettuce, with its Netty, Reactor and SLF4J API) and SQLite drivers, HdrHistogram for the
# open-loop latencies, and Jackson for bench/figures. The three MongoDB jars must be of one version, as must Jackson's
# databind and core, and Netty's modules: each set is taken at the version of its newest main jar.
bench_libraries() {
	local mongo jackson netty module
	mongo="$(m2_version org/mongodb mongodb-driver-sync)"
	jackson="$(m2_version tools/jackson/core jackson-databind)"
	netty="$(m2_version io/netty netty-handler)"
	printf '%s' "$(m2_jar org/postgresql postgresql "$(m2_version org/postgresql postgresql)")" \
		":$(m2_jar org/mongodb mongodb-driver-sync "$mongo")" \
		":$(m2_jar org/mongodb mongodb-driver-core "$mongo")" \
		":$(m2_jar org/mongodb bson "$mongo")" \
		":$(m2_jar tools/jackson/core jackson-databind "$jackson")" \
		":$(m2_jar tools/jackson/core jackson-core "$jackson")" \
		":$(m2_jar com/fasterxml/jackson/core jackson-annotations \
			"$(m2_version com/fasterxml/jackson/core jackson-annotations)")" \
		":$(m2_jar org/xerial sqlite-jdbc "$(m2_version org/xerial sqlite-jdbc)")" \
		":$(m2_jar org/hdrhistogram HdrHistogram "$(m2_version org/hdrhistogram HdrHistogram)")" \
		":$(m2_jar io/lettuce lettuce-core "$(m2_version io/lettuce lettuce-core)")" \
		":$(m2_jar io/projectreactor reactor-core "$(m2_version io/projectreactor reactor-core)")" \
		":$(m2_jar org/reactivestreams reactive-streams "$(m2_version org/reactivestreams reactive-streams)")" \
		":$(m2_jar org/slf4j slf4j-api "$(m2_version org/slf4j slf4j-api)")"
	for module in common buffer codec codec-base codec-dns handler resolver resolver-dns transport \
		transport-native-unix-common; do
		[[ -d "$HOME/.m2/repository/io/netty/netty-$module/$netty" ]] || continue
		printf ':%s' "$(m2_jar io/netty "netty-$module" "$netty")"
	done
}

# Compiles every program under bench/src into bench/work/classes when a source or a library changed since the last
# time, and sets BENCH_CP. A new directory is filled first, so an interrupted compile leaves the old one whole.
compile_bench() {
	local libraries stamp="$CLASSES_DIR/.libraries" sources
	command -v javac >/dev/null || die "javac not found on PATH (a JDK 17, not only a JRE, is needed)"
	libraries="$(bench_libraries)"
	BENCH_CP="$CLASSES_DIR:$libraries"
	if [[ -f "$stamp" && "$(cat "$stamp")" == "$libraries" ]] \
		&& [[ -z "$(find "$BENCH_DIR/src" -name '*.java' -newer "$stamp" -print -quit)" ]]; then
		return
	fi
	log "compiling bench/src into ${CLASSES_DIR#"$ROOT"/}"
	mapfile -t sources < <(find "$BENCH_DIR/src" -name '*.java' | sort)
	rm -rf "$CLASSES_DIR.new"
	javac -proc:none --release 17 -encoding UTF-8 -d "$CLASSES_DIR.new" -cp "$libraries" "${sources[@]}" >&2 \
		|| die "compiling bench/src failed"
	printf '%s' "$libraries" >"$CLASSES_DIR.new/.libraries"
	rm -rf "$CLASSES_DIR"
	mv "$CLASSES_DIR.new" "$CLASSES_DIR"
}

# figures [--check]: the "Latest figures" table of bench/README.md from bench/results/*-latest.json.
figures_table() {
	java -cp "$BENCH_CP" figures.Figures "$@" "$BENCH_DIR/README.md" "$BENCH_DIR/results"
}
