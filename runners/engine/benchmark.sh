#!/usr/bin/env bash
# Benchmark: a 100-task flow of one-line shell commands run by the engine versus a bash loop.
# Usage: runners/engine/benchmark.sh   (from anywhere; builds the engine's test classes first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B -o test-compile dependency:build-classpath -pl runners/engine -am \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
source .mvn/find-jdk.sh
java="$(find_jdk)/bin/java"
cp="runners/engine/target/test-classes:runners/engine/target/classes:$(cat runners/engine/target/bench.classpath)"
exec "$java" ${BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -cp "$cp" dev.flowbench.engine.EngineBenchmark
