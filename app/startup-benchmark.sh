#!/usr/bin/env bash
# Start-up benchmark: wall time from launching a process to its first frame with content, for
#   bare  — a bare JavaFX window (app/src/test/.../bench/BareWindow.java: an empty 1360x860 stage, plain
#           `java -cp`, the JDK's default options), and
#   app   — Flowbench through its real launcher (`./flowbench`, exactly as a user starts it, in a copy of
#           the example workspace): the first frame in which the editor tab shows the example flow's text.
# Each process prints the moment of that frame (smoke/StartupProbe.java: the pulse after the layout pass
# that found the content ready) and exits; the time counted is that moment minus the launch moment.
# The two are launched alternately, ROUNDS times each, after WARMUP unmeasured rounds each (the first
# launch of the app also writes its class-data archive). Prints every round, then median and p90 of both
# and their ratio, with the load average before and after.
#
# Usage: app/startup-benchmark.sh [--rounds N] [--warmup N] [--headless]
#   Default display: a private Xvfb (Debian: apt-get install xvfb libgtk-3-0), the same for both sides.
#   --headless: JavaFX's own headless platform with software rendering for both sides instead (no X).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds=15 warmup=2 headless=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --headless) headless=1; shift ;;
    -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "startup-benchmark: unknown option $1" >&2; exit 2 ;;
  esac
done

source .mvn/find-jdk.sh
jdk="$(find_jdk)" || { echo "startup-benchmark: no JDK 25 found" >&2; exit 1; }
echo "building (app JAR, launcher class path, test classes)…" >&2
./mvnw -q -B -o package -DskipTests -Dspotless.check.skip=true -pl app -am >/dev/null

scratch="$(mktemp -d /tmp/flowbench-startup.XXXXXX)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

display_opts=()
if [ "$headless" = 1 ]; then
  display_opts=(-Dglass.platform=Headless -Dprism.order=sw)
  display_name="JavaFX headless platform, software rendering"
  unset DISPLAY
else
  command -v Xvfb >/dev/null || { echo "startup-benchmark: needs Xvfb (apt-get install xvfb libgtk-3-0) or --headless" >&2; exit 1; }
  exec 3>"$scratch/display"
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -s "$scratch/display" ] && break; sleep 0.1; done
  exec 3>&-
  [ -s "$scratch/display" ] || { echo "startup-benchmark: Xvfb did not start: $(cat "$scratch/xvfb.log")" >&2; exit 1; }
  export DISPLAY=":$(head -n 1 "$scratch/display")"
  display_name="Xvfb $DISPLAY 1920x1080x24"
fi

# Both sides get the same fresh home (no user settings, an empty cache) and the same workspace copy.
export HOME="$scratch/home" XDG_CACHE_HOME="$scratch/home/.cache"
mkdir -p "$HOME"
workspace="$scratch/workspace"
cp -r assets/workspace "$workspace"
rm -rf "$workspace/.flowbench"

javafx_cp="$(tr ':' '\n' <app/target/classpath.txt | grep '/org/openjfx/' | paste -sd: -)"
bare_cmd=("$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Dflowbench.startupProbe=true "${display_opts[@]}"
  -cp "app/target/test-classes:app/target/classes:$javafx_cp" dev.flowbench.app.bench.BareWindow)
app_opts="-Dflowbench.startupProbe=true ${display_opts[*]}"

# Runs one side once; prints the milliseconds from launch to its first frame.
measure() {
  local side="$1" start out reported
  start="$EPOCHREALTIME"
  if [ "$side" = bare ]; then
    out="$(timeout 120 "${bare_cmd[@]}" 2>&1)" || true
  else
    out="$(cd "$workspace" && FLOWBENCH_JAVA_OPTS="$app_opts" timeout 120 "$root/flowbench" 2>&1)" || true
  fi
  reported="$(sed -n 's/^flowbench: startup: first frame at epoch-us \([0-9]*\)$/\1/p' <<<"$out" | head -n 1)"
  if [ -z "$reported" ]; then
    echo "startup-benchmark: $side showed no first frame:" >&2
    printf '%s\n' "$out" | tail -20 >&2
    exit 1
  fi
  awk -v s="$start" -v r="$reported" 'BEGIN { printf "%.0f\n", r / 1000 - s * 1000 }'
}

# The value at quantile $1 of the numbers on standard input (nearest rank).
quantile() {
  sort -n | awk -v q="$1" '{ v[NR] = $1 } END { i = int(q * NR + 0.999999); if (i < 1) i = 1; print v[i] }'
}

echo "display: $display_name; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "app: $root/flowbench (JVM options: see the launcher)"
echo "bare: ${bare_cmd[*]}"
for i in $(seq "$warmup"); do
  echo "warm-up $i: bare $(measure bare) ms, app $(measure app) ms"
done
: >"$scratch/bare.txt"
: >"$scratch/app.txt"
for i in $(seq "$rounds"); do
  # Alternate which side goes first, so neither always follows the other's exit.
  if [ $((i % 2)) = 1 ]; then
    b="$(measure bare)"; a="$(measure app)"
  else
    a="$(measure app)"; b="$(measure bare)"
  fi
  echo "$b" >>"$scratch/bare.txt"
  echo "$a" >>"$scratch/app.txt"
  echo "round $i: bare $b ms, app $a ms"
done
bare_p50="$(quantile 0.5 <"$scratch/bare.txt")" bare_p90="$(quantile 0.9 <"$scratch/bare.txt")"
app_p50="$(quantile 0.5 <"$scratch/app.txt")" app_p90="$(quantile 0.9 <"$scratch/app.txt")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'bare JavaFX window: median %s ms, p90 %s ms (%s rounds)\n' "$bare_p50" "$bare_p90" "$rounds"
printf 'Flowbench editor:   median %s ms, p90 %s ms\n' "$app_p50" "$app_p90"
awk -v a="$app_p50" -v b="$bare_p50" -v a9="$app_p90" -v b9="$bare_p90" \
  'BEGIN { printf "ratio app/bare: median %.2fx, p90 %.2fx (target: at most 1.5x)\n", a / b, a9 / b9 }'
