#!/usr/bin/env bash
# Start-up benchmark: wall time from launching a process to its first frame with content, for
#   bare  — a bare JavaFX window (app/src/test/.../bench/BareWindow.java: an empty 1360x860 stage, plain
#           `java -cp`, the JDK's default options), and
#   app   — Flowbench through its real launcher (`./flowbench`, exactly as a user starts it, in a copy of
#           the example workspace): the first frame in which the editor tab shows the example flow's text,
#   whole — the same, until the frame that also shows the panels around the editor (explorer, outline,
#           problems, docs, toolbar, status bar), which are built right after the editor's first frame.
# Each process prints the moment of that frame (desktop/StartupProbe.java: the start of the pulse after the
# layout pass that found the content ready) and exits; the time counted is that moment minus the launch moment.
# They are launched in turn, ROUNDS times each (the order rotating each round), after WARMUP unmeasured
# rounds (the first launch of the app also writes its class-data cache). Prints every round, then median
# and p90 of each, their ratios to the bare window's, and the median and p90 of each round's own ratio
# (steadier when the machine's load changes during the run), with the load average before and after.
#
# Usage: app/startup-benchmark.sh [--rounds N] [--warmup N] [--headless] [--launcher PATH]
#   Default display: a private Xvfb (Debian: apt-get install xvfb libgtk-3-0), the same for every side.
#   --headless: JavaFX's own headless platform with software rendering for every side instead (no X).
#   --launcher: start the app with this launcher instead of ./flowbench, e.g. the installed app's
#     installers/target/image/Flowbench/bin/Flowbench (`./mvnw package -Pinstallers -Dinstallers.only=app-image`);
#     the probe's options then reach its JVM through JAVA_TOOL_OPTIONS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds=15 warmup=2 headless=0 launcher=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --headless) headless=1; shift ;;
    --launcher) launcher="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h | --help) sed -n '2,21p' "$0"; exit 0 ;;
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

# Runs one side once; prints the milliseconds from launch to its first frame.
measure() {
  local side="$1" start out reported
  start="$EPOCHREALTIME"
  if [ "$side" = bare ]; then
    out="$(timeout 120 "${bare_cmd[@]}" 2>&1)" || true
  else
    local probe=true
    [ "$side" = whole ] && probe=complete
    if [ -n "$launcher" ]; then
      out="$(cd "$workspace" && JAVA_TOOL_OPTIONS="-Dflowbench.startupProbe=$probe ${display_opts[*]}" \
        timeout 120 "$launcher" 2>&1)" || true
    else
      out="$(cd "$workspace" && FLOWBENCH_JAVA_OPTS="-Dflowbench.startupProbe=$probe ${display_opts[*]}" \
        timeout 120 "$root/flowbench" 2>&1)" || true
    fi
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
echo "app: ${launcher:-$root/flowbench} (JVM options: see the launcher)"
echo "bare: ${bare_cmd[*]}"
sides=(bare app whole)
for i in $(seq "$warmup"); do
  echo "warm-up $i: bare $(measure bare) ms, app $(measure app) ms, whole $(measure whole) ms"
done
# ./flowbench creates the editor's AOT cache in the background after a first start: every measured start maps it.
if [ -z "$launcher" ]; then
  for _ in $(seq 240); do
    [ -f app/target/cds/desktop-modules.aot ] && ! compgen -G 'app/target/cds/desktop-modules.aot.*.config' >/dev/null \
      && break
    sleep 0.5
  done
fi
for side in "${sides[@]}" app-ratio whole-ratio; do : >"$scratch/$side.txt"; done
for i in $(seq "$rounds"); do
  # Rotate the order, so that no side always follows the same other side's exit.
  line="round $i:"
  declare -A took=()
  for k in 0 1 2; do
    side="${sides[$(((i + k) % 3))]}"
    took[$side]="$(measure "$side")"
    echo "${took[$side]}" >>"$scratch/$side.txt"
    line="$line $side ${took[$side]} ms"
  done
  # Each round's own ratios: the three starts ran back to back, under much the same load.
  for side in app whole; do
    awk -v a="${took[$side]}" -v b="${took[bare]}" 'BEGIN { printf "%.3f\n", a / b }' >>"$scratch/$side-ratio.txt"
  done
  echo "$line"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
bare_p50="$(quantile 0.5 <"$scratch/bare.txt")" bare_p90="$(quantile 0.9 <"$scratch/bare.txt")"
printf '%-34s median %5s ms, p90 %5s ms (%s rounds)\n' "bare JavaFX window:" "$bare_p50" "$bare_p90" "$rounds"
for side in app whole; do
  p50="$(quantile 0.5 <"$scratch/$side.txt")" p90="$(quantile 0.9 <"$scratch/$side.txt")"
  label="Flowbench, editor shown:"
  [ "$side" = whole ] && label="Flowbench, whole window shown:"
  r50="$(quantile 0.5 <"$scratch/$side-ratio.txt")" r90="$(quantile 0.9 <"$scratch/$side-ratio.txt")"
  awk -v l="$label" -v a="$p50" -v b="$bare_p50" -v a9="$p90" -v b9="$bare_p90" -v r="$r50" -v r9="$r90" \
    'BEGIN { printf "%-34s median %5s ms, p90 %5s ms; to bare: %.2fx, %.2fx (per round: median %.2fx, p90 %.2fx)\n", l, a, a9, a / b, a9 / b9, r, r9 }'
done
echo "(target: the editor shown within 1.5x the bare window)"
