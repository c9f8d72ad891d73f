#!/usr/bin/env bash
# Stops the private Docker engine started by docker-up.sh (same FLOWBENCH_DOCKER_DIR) and
# releases its network namespace mount. With --purge, also deletes its data directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/docker-common.sh"

purge=false
[ "${1:-}" = "--purge" ] && purge=true

if pid="$(engine_pid)"; then
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "dockerd (pid $pid) ignored SIGTERM for 20s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  log "engine stopped (pid $pid)"
else
  log "no engine running under $docker_dir"
fi

netns="$docker_dir/exec/netns/default"
if [ -e "$netns" ] && mountpoint -q "$netns" 2>/dev/null; then
  umount "$netns" || umount -l "$netns" || log "could not unmount $netns"
fi

if $purge && [ -d "$docker_dir" ]; then
  if grep -qF " $docker_dir/" /proc/self/mounts; then
    log "not deleting $docker_dir: something is still mounted under it"
  else
    rm -rf "$docker_dir"
    log "deleted $docker_dir"
  fi
fi
