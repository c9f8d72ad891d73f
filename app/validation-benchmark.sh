#!/usr/bin/env bash
# Benchmark: parse and validation time, fresh and after an edit, on generated 20, 500 and 2,000-task flows.
# Usage: app/validation-benchmark.sh [FLOW.yaml ...]
#   Without arguments it generates the flows with the shared bench's make-flow.mjs (Node 18+), found at
#   $BENCH (default: ../shared/bench next to the repository), with the same seed and errors as the
#   side-by-side language-server run. -Drounds=N via BENCH_JAVA_OPTS changes the rounds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="app/target/bench"
mkdir -p "$out"
flows=("$@")
if [ ${#flows[@]} -eq 0 ]; then
  bench="${BENCH:-$root/../shared/bench}"
  for tasks in 20 500 2000; do
    node "$bench/make-flow.mjs" --tasks "$tasks" --seed 42 --errors --out "$out/flow-$tasks.yaml" >/dev/null
    flows+=("$out/flow-$tasks.yaml")
  done
fi
./mvnw -q -B -o test-compile -pl app -am -Dspotless.check.skip >/dev/null
source .mvn/find-jdk.sh
java="$(find_jdk)/bin/java"
cp="app/target/test-classes:app/target/classes:$(cat app/target/classpath.txt)"
exec "$java" ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.flowbench.app.bench.ValidationBenchmark "${flows[@]}"
