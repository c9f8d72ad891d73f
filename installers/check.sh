#!/usr/bin/env bash
# Checks the Linux installer end to end, as a user gets it: builds the app image and the .deb
# (`./mvnw package -Pinstallers`), unpacks the .deb into a scratch root, then with the installed
# `flowbench` launcher and no JDK on the PATH runs `validate` and `run` of the example hello flow,
# starts the desktop app headless until its main window shows (also on a flow file, as a file manager
# opens one, and again on a workspace already open, which hands the file over) and asks the language
# server to initialize,
# checking that each face maps its class-data archive. Prints the installer's sizes.
# Run by .ci/run after the test suite; `--no-build` reuses installers/target from an earlier build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"
started=$SECONDS
step() { printf '[installer check] %s (%ss)\n' "$*" "$((SECONDS - started))"; }
fail() {
  echo "[installer check] FAILED: $*" >&2
  exit 1
}

if [ "${1:-}" != "--no-build" ]; then
  step "building the app image and the .deb"
  log="$(mktemp)"
  if ! ./mvnw -B -o package -Pinstallers -DskipTests -Dspotless.check.skip=true -pl installers -am >"$log" 2>&1 \
    && ! ./mvnw -B package -Pinstallers -DskipTests -Dspotless.check.skip=true -pl installers -am >"$log" 2>&1; then
    grep -E '^\[ERROR\]' "$log" | head -20 >&2 || tail -20 "$log" >&2
    fail "the installer build failed (full log: $log)"
  fi
  grep '^\[installers\]' "$log" || true
  rm -f "$log"
fi

image="installers/target/image/Flowbench"
deb="$(ls installers/target/package/flowbench_*.deb 2>/dev/null | head -n 1)"
[ -x "$image/bin/Flowbench" ] || fail "no app image launcher at $image/bin/Flowbench"
[ -n "$deb" ] || fail "no .deb under installers/target/package"

scratch="$(mktemp -d /tmp/flowbench-installer-check.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"
step "unpacking $(basename "$deb") into a scratch root"
dpkg-deb -x "$deb" "$root"
installed="$root/opt/flowbench"
[ "$(readlink "$root/usr/bin/flowbench")" = "../../opt/flowbench/bin/Flowbench" ] \
  || fail "/usr/bin/flowbench is not the link to /opt/flowbench/bin/Flowbench"
for f in bin/Flowbench lib/Flowbench.png lib/flowbench-Flowbench.desktop lib/app/assets/workspace/flows/hello.yaml \
  lib/app/plugins/README.txt lib/runtime/release; do
  [ -e "$installed/$f" ] || fail "the package lacks /opt/flowbench/$f"
done
depends="$(dpkg-deb -f "$deb" Depends)"
case "$depends" in *libgtk-3-0*) ;; *) fail "the package does not depend on GTK 3: $depends" ;; esac
[ ! -e "$installed/lib/runtime/bin/javac" ] || fail "the bundled runtime is a full JDK, not a trimmed one"

# A PATH with the installed launcher, the few tools the example flows call and readlink (coreutils, which
# the launcher resolves its own link with): no java, no JDK.
mkdir -p "$scratch/tools" "$scratch/home"
for tool in sh bash echo cat env ls mkdir rm sleep printf sed grep python3 readlink; do
  if command -v "$tool" >/dev/null 2>&1; then ln -s "$(command -v "$tool")" "$scratch/tools/$tool"; fi
done
user_env=(env -i PATH="$root/usr/bin:$scratch/tools" HOME="$scratch/home" LANG=C.UTF-8)
as_user() { "${user_env[@]}" "$@"; }
if as_user sh -c 'command -v java || command -v javac' >/dev/null; then fail "a JDK is reachable on the check's PATH"; fi

step "the installed launcher starts each face with its archive"
head -c 2 "$installed/bin/Flowbench" | grep -q '#!' \
  || fail "/opt/flowbench/bin/Flowbench is jpackage's native launcher, not installers/linux/launcher.sh"
for archive in editor.aot commands.jsa; do
  [ -s "$installed/lib/app/$archive" ] || fail "the package has no lib/app/$archive: its training start failed"
done
# The class that loaded first for a face, and where from: "shared objects file" is an archive.
main_source() { grep -m1 'dev\.flowbench\.app\.Main ' "$scratch/class-load.log" | sed 's/.* source: //'; }
as_user JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$scratch/class-load.log" flowbench --help >/dev/null 2>&1 \
  || fail "flowbench --help failed"
[ "$(main_source)" = "shared objects file (top)" ] \
  || fail "the commands do not map lib/app/commands.jsa (Main came from: $(main_source))"

workspace="$installed/lib/app/assets/workspace"
step "flowbench validate flows/hello.yaml"
as_user flowbench validate --workspace "$workspace" "$workspace/flows/hello.yaml" \
  || fail "flowbench validate of the hello flow failed"

if as_user flowbench --help 2>&1 | grep -Eq '^ +run( |$)'; then
  step "flowbench run flows/hello.yaml"
  out="$(cd "$workspace" && as_user flowbench run flows/hello.yaml 2>&1)" || fail "flowbench run failed: $out"
  printf '%s\n' "$out"
  grep -q 'Hello, world!' <<<"$out" || fail "flowbench run did not print the greeting"
else
  # This build has no `run` command yet: show the rest of the command line works when installed.
  step "flowbench run is not part of this build; checking schema, docs and plugins instead"
  as_user flowbench schema | grep -q '"\$schema"' || fail "flowbench schema printed no JSON schema"
  as_user flowbench docs io.kestra.plugin.core.runner.Process | grep -q 'Process' || fail "flowbench docs failed"
  as_user flowbench plugins | grep -q 'io.kestra.plugin.ee.kubernetes.runner.Kubernetes' \
    || fail "flowbench plugins does not list the built-in Kubernetes runner"
fi

step "starting the desktop app headless until its main window shows"
# JavaFX's headless platform; the smoke test ends the app once its main window shows, logging where classes
# came from (main_source).
headless="-Dglass.platform=Headless -Dprism.order=sw"
smoke="-Dflowbench.smokeTest=true -Dflowbench.smokeTest.timeout=150 $headless"
smoke="$smoke -Xlog:class+load=info:file=$scratch/class-load.log"
gui_rc=0
gui="$(as_user JAVA_TOOL_OPTIONS="$smoke" \
  flowbench 2>&1)" || gui_rc=$?
printf '%s\n' "$gui" | grep -v '^Picked up JAVA_TOOL_OPTIONS' || true
[ "$gui_rc" -eq 0 ] && grep -q 'main window shown' <<<"$gui" || fail "the main window did not show (exit $gui_rc)"
[ "$(main_source)" = "shared objects file" ] \
  || fail "the editor does not map lib/app/editor.aot (Main came from: $(main_source))"

step "opening a flow file as a file manager does"
grep -qx 'Exec=/opt/flowbench/bin/Flowbench %F' "$installed/lib/flowbench-Flowbench.desktop" \
  || fail "the menu entry does not pass the files to open: $(grep '^Exec=' "$installed/lib/flowbench-Flowbench.desktop")"
cp -r "$workspace" "$scratch/team-flows"
rm -rf "$scratch/team-flows/.flowbench"
opened="$(as_user JAVA_TOOL_OPTIONS="$smoke" \
  flowbench "$scratch/team-flows/flows/hello.yaml" 2>&1)" || fail "flowbench FILE failed: $opened"
grep -q 'main window shown: "Flowbench — team-flows"' <<<"$opened" \
  || fail "flowbench FILE did not open the file's workspace: $(grep -v '^Picked up' <<<"$opened")"
[ "$(main_source)" = "shared objects file" ] \
  || fail "the editor on a file does not map lib/app/editor.aot (Main came from: $(main_source))"

step "a second launch on an open workspace hands its file to the open window"
# The earlier start exited abruptly and left its address file: removed, so that the one written next is the
# first window's, proof that it holds the workspace. A simple command in the background, so that $! is the
# process that becomes the JVM (env and the launcher exec it).
rm -f "$scratch/team-flows/.flowbench/instance"
"${user_env[@]}" JAVA_TOOL_OPTIONS="$headless" \
  flowbench "$scratch/team-flows/flows/hello.yaml" >"$scratch/first-window.log" 2>&1 &
first_window=$!
trap 'kill -9 "$first_window" 2>/dev/null || true; rm -rf "$scratch"' EXIT
for _ in $(seq 300); do
  [ -s "$scratch/team-flows/.flowbench/instance" ] && break
  kill -0 "$first_window" 2>/dev/null || fail "the first window exited: $(cat "$scratch/first-window.log")"
  sleep 0.2
done
[ -s "$scratch/team-flows/.flowbench/instance" ] || fail "the first window did not claim its workspace within 60 s"
second_rc=0
second="$(timeout 60 "${user_env[@]}" JAVA_TOOL_OPTIONS="$headless" \
  flowbench "$scratch/team-flows/flows/hello.yaml" 2>&1)" || second_rc=$?
kill -0 "$first_window" 2>/dev/null || fail "the first window exited: $(cat "$scratch/first-window.log")"
kill -9 "$first_window" 2>/dev/null || true
grep -q 'is open in Flowbench already; opened the files there' <<<"$second" && [ "$second_rc" -eq 0 ] \
  || fail "the second launch did not hand its file over (exit $second_rc): $(grep -v '^Picked' <<<"$second")"

step "flowbench lsp answers initialize"
lsp_message() { printf 'Content-Length: %s\r\n\r\n%s' "${#1}" "$1"; }
lsp_out="$( (lsp_message '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  sleep 5
  lsp_message '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  lsp_message '{"jsonrpc":"2.0","method":"exit"}') | timeout 60 "${user_env[@]}" flowbench lsp --workspace "$workspace" 2>&1)" \
  || fail "flowbench lsp did not exit cleanly: $(tail -c 300 <<<"$lsp_out")"
grep -q '"completionProvider"' <<<"$lsp_out" || fail "flowbench lsp sent no capabilities: $(head -c 300 <<<"$lsp_out")"

deb_size="$(du -h --apparent-size "$deb" | cut -f1)"
installed_size="$(du -sh "$root" | cut -f1)"
runtime_size="$(du -sh "$installed/lib/runtime" | cut -f1)"
step "passed: $(basename "$deb") is $deb_size; installed $installed_size (runtime $runtime_size)"
