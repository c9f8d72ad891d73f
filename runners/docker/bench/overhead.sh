#!/usr/bin/env bash
# Compares the Docker runner's per-task overhead with `docker run --rm` of the CLI on the same engine and image.
# Usage: runners/docker/bench/overhead.sh [ROUNDS]   (needs DOCKER_HOST pointing at an engine with local/busybox:1,
# e.g. after `sudo .ci/docker-up.sh`)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo"
source .mvn/find-jdk.sh
jdk="$(find_jdk)" || { echo "overhead: no JDK 25 found" >&2; exit 1; }
./mvnw -q -B test-compile dependency:build-classpath -pl runners/docker -am \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
module=runners/docker
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
exec "$jdk/bin/java" -cp "$cp" dev.flowbench.runner.docker.DockerOverheadBenchmark "${1:-30}"
