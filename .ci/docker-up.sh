#!/usr/bin/env bash
# Starts a private Docker engine for Flowbench's tests and builds the test image local/busybox:1.
#
# Usage (as root):  .ci/docker-up.sh            then  export DOCKER_HOST=unix:///tmp/flowbench-docker/docker.sock
#                   FLOWBENCH_DOCKER_DIR=/tmp/x .ci/docker-up.sh   to keep the engine elsewhere
# Needs Debian's docker.io and busybox-static (`.ci/run` installs them). Idempotent: an engine
# that already answers is reused. Stop it with .ci/docker-down.sh. Never pulls from a registry.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/docker-common.sh"

timeout_s="${FLOWBENCH_DOCKER_TIMEOUT:-60}"

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (dockerd needs it); try: sudo $0"
  exit 1
fi
for tool in dockerd docker curl; do
  command -v "$tool" >/dev/null 2>&1 || { log "$tool is not installed; on Debian: apt-get install docker.io curl"; exit 1; }
done

mkdir -p "$docker_dir"
if engine_answers; then
  log "engine already answers at $docker_host"
else
  if pid="$(engine_pid)"; then
    log "dockerd (pid $pid) is running but does not answer; stop it with .ci/docker-down.sh"
    exit 1
  fi
  [ -f "$docker_dir/daemon.json" ] || echo '{}' >"$docker_dir/daemon.json"
  rm -f "$docker_sock"
  # No bridge, no iptables: tests use network mode none or host, and the machine may not allow
  # changing its firewall. vfs works on any filesystem, including overlay-on-overlay.
  setsid dockerd \
    --config-file "$docker_dir/daemon.json" \
    --data-root "$docker_dir/data" \
    --exec-root "$docker_dir/exec" \
    --pidfile "$docker_pidfile" \
    -H "$docker_host" \
    --storage-driver=vfs \
    --iptables=false --ip6tables=false --bridge=none --ip-masq=false \
    </dev/null >"$docker_log" 2>&1 &
  started_pid=$!
  deadline=$((SECONDS + timeout_s))
  until engine_answers; do
    if ! kill -0 "$started_pid" 2>/dev/null; then
      log "dockerd exited during start; last lines of $docker_log:"
      tail -n 20 "$docker_log" >&2 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "dockerd did not answer /_ping within ${timeout_s}s; last lines of $docker_log:"
      tail -n 20 "$docker_log" >&2 || true
      exit 1
    fi
    sleep 0.2
  done
  log "engine started (pid $started_pid) at $docker_host in ${SECONDS}s"
fi

export DOCKER_HOST="$docker_host"
if docker image inspect "$test_image" >/dev/null 2>&1; then
  log "image $test_image present"
else
  busybox="$(command -v busybox || true)"
  # A dynamic busybox would not start in an image without a C library; ldd fails on static ones.
  if [ -z "$busybox" ] || ldd "$busybox" >/dev/null 2>&1; then
    log "a statically linked busybox is needed for $test_image; on Debian: apt-get install busybox-static"
    exit 1
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  root="$work/rootfs"
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,home,dev,proc,sys,var/tmp}
  chmod 1777 "$root/tmp" "$root/var/tmp"
  cp "$busybox" "$root/bin/busybox"
  # One link per applet at the path busybox itself names (bin/sh, usr/bin/env, ...).
  "$root/bin/busybox" --list-full | while read -r applet; do
    [ "$applet" = "bin/busybox" ] || [ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$work/rootfs.tar" .
  docker import -c 'CMD ["/bin/sh"]' "$work/rootfs.tar" "$test_image" >/dev/null
  log "image $test_image built from $busybox"
fi

echo "export DOCKER_HOST=$docker_host"
