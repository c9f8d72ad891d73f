#!/usr/bin/env bash
# Benchmark: keystroke-to-styled-repaint in the real editor (headless JavaFX) on generated 20, 500
# and 2,000-task flows. Usage: editor/highlight-benchmark.sh [FLOW.yaml ...]
#   Without arguments it generates the flows with the shared bench's make-flow.mjs (Node 18+), found at
#   $BENCH (default: ../shared/bench next to the repository). BENCH_JAVA_OPTS=-Drounds=N changes the rounds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="editor/target/bench"
mkdir -p "$out"
flows=("$@")
if [ ${#flows[@]} -eq 0 ]; then
  bench="${BENCH:-$root/../shared/bench}"
  for tasks in 20 500 2000; do
    node "$bench/make-flow.mjs" --tasks "$tasks" --seed 42 --out "$out/flow-$tasks.yaml" >/dev/null
    flows+=("$out/flow-$tasks.yaml")
  done
fi
./mvnw -q -B -o test-compile dependency:build-classpath -pl editor -am \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
source .mvn/find-jdk.sh
java="$(find_jdk)/bin/java"
cp="editor/target/test-classes:editor/target/classes:$(cat editor/target/bench.classpath)"
exec "$java" -Dglass.platform=Headless -Dprism.order=sw ${BENCH_JAVA_OPTS:-} -cp "$cp" \
  dev.flowbench.editor.view.HighlightBenchmark "${flows[@]}"
