# Shared settings for docker-up.sh and docker-down.sh (sourced, not run).
#
# The engine lives entirely under FLOWBENCH_DOCKER_DIR (default /tmp/flowbench-docker): its
# config, data, runtime state, pid file and socket. A short path matters because a Unix socket
# path may not exceed 107 bytes.
FLOWBENCH_DOCKER_DIR="${FLOWBENCH_DOCKER_DIR:-/tmp/flowbench-docker}"
docker_dir="$FLOWBENCH_DOCKER_DIR"
docker_sock="$docker_dir/docker.sock"
docker_pidfile="$docker_dir/dockerd.pid"
docker_log="$docker_dir/dockerd.log"
docker_host="unix://$docker_sock"
# The image the tests run in: busybox only, built locally because no registry is reachable.
test_image="local/busybox:1"

log() { printf 'docker-engine: %s\n' "$*" >&2; }

# Succeeds when the engine at docker_sock answers /_ping.
engine_answers() {
  [ -S "$docker_sock" ] || return 1
  curl -fsS --max-time 2 --unix-socket "$docker_sock" http://localhost/_ping >/dev/null 2>&1
}

# Prints the pid of the dockerd recorded in the pid file, if that process is alive.
engine_pid() {
  local pid
  [ -f "$docker_pidfile" ] || return 1
  pid="$(cat "$docker_pidfile" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}
