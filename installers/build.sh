#!/usr/bin/env bash
# Builds Flowbench's installers from the app's JARs (run by `./mvnw -B package -Pinstallers`):
#   1. renders the app icon from assets/icons/flowbench.svg (PNG sizes, .ico, .icns) with the JDK alone,
#   2. a trimmed Java runtime with jlink (the modules jdeps finds on the app's class path, plus a few the
#      class path cannot show), without debug info, headers or man pages,
#   3. a jpackage app image, and the platform's package: .deb on Linux (with /usr/bin/flowbench),
#      .msi on Windows, .dmg on macOS (those two are configured here, not built on CI).
# Usage: installers/build.sh JDK_HOME APP_VERSION LIB_DIR OUT_DIR [all|app-image]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
jdk="$1" version="$2" lib="$3" out="$4" only="${5:-all}"
cd "$here"
started=$SECONDS
step() { printf '[installers] %s (%ss)\n' "$*" "$((SECONDS - started))"; }

# jpackage wants a plain numeric version; 0.1.0-SNAPSHOT ships as 0.1.0.
app_version="${version%%-*}"
case "$(uname -s)" in
  Linux) platform=linux icon="$out/icons/flowbench.png" ;;
  Darwin) platform=macos icon="$out/icons/flowbench.icns" ;;
  MINGW* | MSYS* | CYGWIN*) platform=windows icon="$out/icons/flowbench.ico" ;;
  *) echo "installers: no installer is configured for $(uname -s)" >&2; exit 1 ;;
esac

# --- the application's files ----------------------------------------------------------------------
# $APPDIR (the JARs' folder) is flowbench.home: the example workspace and the installation's
# plugins folder sit beside the JARs.
input="$out/input"
rm -rf "$input" "$out/runtime" "$out/image" "$out/package"
mkdir -p "$input/assets" "$input/plugins"
cp "$lib"/*.jar "$input/"
cp -r "$repo/assets/workspace" "$input/assets/workspace"
rm -rf "$input/assets/workspace/.flowbench"
main_jar="$(cd "$input" && ls flowbench-app-*.jar)"
cat >"$input/plugins/README.txt" <<'EOF'
Plugins installed with Flowbench for every user. The built-in runners (Process, Docker, Kubernetes,
AWS Batch) are part of the application itself; put your own plugin JARs in
~/.local/share/flowbench/plugins (or a workspace's plugins/ folder) instead of here.
EOF

# --- icons ----------------------------------------------------------------------------------------
step "rendering icons"
"$jdk/bin/java" -Djava.awt.headless=true "$here/src/build/RenderIcons.java" \
  "$repo/assets/icons/flowbench.svg" "$out/icons" flowbench

# --- trimmed runtime ------------------------------------------------------------------------------
step "finding the JDK modules with jdeps"
found="$("$jdk/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
  --class-path "$input/*" "$input"/*.jar)"
# Not visible to jdeps: elliptic-curve TLS (docker-java, kubernetes-client), jar and zip file systems
# (plugin JARs), sun.misc.Unsafe (JavaFX, Guava), character sets beyond UTF-8 for process output.
modules="$found,jdk.crypto.ec,jdk.zipfs,jdk.unsupported,jdk.charsets,jdk.localedata"
echo "modules: $modules"
step "linking the runtime"
"$jdk/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --include-locales en,de,fr,es,it,ja,pt,zh --generate-cds-archive
# The JDK's class-data archive for heaps over 32 GB: a desktop IDE never has one.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

# --- class-data archive (macOS, Windows) -----------------------------------------------------------
# With jpackage's own launcher: one training start of the editor (JavaFX's headless platform, until its
# whole window shows) records the classes it loads into lib/app/flowbench.jsa, which every later start maps
# instead of loading them again (common.args points the JVM at it; a missing or stale archive is quietly
# ignored). The JVM accepts the
# archive wherever the installation lands, provided the JARs keep their size and modification time: so it
# is trained in the very tree that gets packaged (dpkg keeps modification times).
# Usage: train_archive TREE (the folder holding the installation: an app image, or the .deb's tree).
train_archive() {
  local tree="$1" training app_dir runtime_java cfg train_cp train_opts
  step "training the class-data archive in $(basename "$tree")"
  training="$(mktemp -d)"
  cp -r "$repo/assets/workspace" "$training/workspace"
  rm -rf "$training/workspace/.flowbench"
  app_dir="$(dirname "$(find "$tree" -name "$main_jar" -path '*/app/*' | head -n 1)")"
  runtime_java="$(find "$tree" -path '*/runtime/bin/java' -type f | head -n 1)"
  cfg="$(ls "$app_dir"/*.cfg | head -n 1)"
  # The launcher's own class path (in its order: the archive checks it) and options, minus the archive's.
  train_cp="$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app_dir|g" | paste -sd: -)"
  mapfile -t train_opts < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$app_dir|g" \
    | grep -v -e '^-XX:SharedArchiveFile=' -e '^-Xlog:cds')
  if (cd "$training/workspace" && env -i PATH="/usr/bin:/bin" HOME="$training" LANG=C.UTF-8 \
      timeout 300 "$runtime_java" "${train_opts[@]}" -XX:ArchiveClassesAtExit="$app_dir/flowbench.jsa" \
      -XX:ErrorFile="$out/training-crash-%p.log" \
      -Dflowbench.startupProbe=complete -Dglass.platform=Headless -Dprism.order=sw \
      -cp "$train_cp" dev.flowbench.app.Main >"$training/log" 2>&1) && [ -s "$app_dir/flowbench.jsa" ]; then
    step "class-data archive: $(du -h "$app_dir/flowbench.jsa" | cut -f1)"
  else
    echo "installers: no class-data archive (the training start failed; the app starts without one):" >&2
    tail -5 "$training/log" >&2
    ls "$out"/training-crash-*.log 2>/dev/null | sed 's/^/  crash report: /' >&2
    rm -f "$app_dir/flowbench.jsa"
  fi
  rm -rf "$training"
}

# --- the Linux launcher ----------------------------------------------------------------------------
# On Linux, linux/launcher.sh replaces jpackage's native launcher (see there why), under the same name, so
# that the menu entry, the file association and /usr/bin/flowbench reach it unchanged, with jpackage's class
# path in its order. Then training starts through the launcher itself write its archives: the editor until its
# whole window shows (JavaFX's headless platform), the commands with a run of the example hello flow. The JVM
# accepts an archive wherever the installation lands, provided the JARs keep their size and modification time:
# so they are trained in the very tree that gets packaged (dpkg keeps modification times). A failed training
# start fails the build.
# Usage: install_linux_launcher INSTALLATION (the folder with bin/ and lib/: an app image, or the .deb's).
install_linux_launcher() {
  local top="$1" app_dir cfg classpath training
  app_dir="$top/lib/app"
  cfg="$app_dir/Flowbench.cfg"
  step "installing the launcher and training its archives in ${top#"$out/"}"
  classpath="$(sed -n 's/^app\.classpath=\$APPDIR\//$app\//p' "$cfg" | paste -sd: -)"
  sed "s|@CLASS_PATH@|$classpath|" "$here/linux/launcher.sh" >"$top/bin/Flowbench"
  chmod 755 "$top/bin/Flowbench"
  rm -f "$cfg" "$top/lib/libapplauncher.so"
  # The menu entry passes the files it is asked to open (a flow file opened from a file manager): the editor
  # opens them in their workspace. jpackage writes the entry without them.
  if [ -f "$top/lib/flowbench-Flowbench.desktop" ]; then
    sed -i 's|^Exec=.*/bin/Flowbench$|& %F|' "$top/lib/flowbench-Flowbench.desktop"
  fi

  training="$(mktemp -d)"
  cp -r "$repo/assets/workspace" "$training/workspace"
  rm -rf "$training/workspace/.flowbench"
  # Usage: train ARCHIVE JAVA_OPTIONS [ARGUMENTS...]: one training start, which must write lib/app/ARCHIVE.
  train() {
    if ! (cd "$training/workspace" && env -i PATH="/usr/bin:/bin" HOME="$training" LANG=C.UTF-8 \
      FLOWBENCH_TRAIN_ARCHIVES=1 FLOWBENCH_JAVA_OPTS="-XX:ErrorFile=$out/training-crash-%p.log $2" \
      timeout 300 "$top/bin/Flowbench" "${@:3}" >"$training/log" 2>&1) || ! [ -s "$app_dir/$1" ]; then
      tail -20 "$training/log" >&2
      echo "installers: the training start for $1 failed (crash reports: $out/training-crash-*.log)" >&2
      exit 1
    fi
  }
  train editor.aot "-Dflowbench.startupProbe=complete -Dglass.platform=Headless -Dprism.order=sw"
  train commands.jsa "" run flows/hello.yaml
  rm -rf "$training"
  step "archives: editor $(du -h "$app_dir/editor.aot" | cut -f1), commands $(du -h "$app_dir/commands.jsa" | cut -f1)"
}

# --- app image and package ------------------------------------------------------------------------
common=(@jpackage/common.args --app-version "$app_version" --input "$input" --main-jar "$main_jar"
  --runtime-image "$out/runtime" --icon "$icon")
step "packaging the app image"
"$jdk/bin/jpackage" --type app-image "${common[@]}" --dest "$out/image"

if [ "$platform" = linux ]; then
  install_linux_launcher "$out/image/Flowbench"
else
  train_archive "$out/image"
fi
if [ "$only" = "app-image" ]; then
  step "done: $out/image"
  exit 0
fi
step "packaging the $platform installer"
"$jdk/bin/jpackage" "${common[@]}" "@jpackage/$platform.args" --dest "$out/package"

if [ "$platform" = linux ]; then
  # jpackage installs under /opt/flowbench; the command line belongs on the PATH as well. Adding the
  # link to the package (rather than in a post-install script) lets dpkg own and remove it; relative,
  # so that the package also works unpacked under another root (dpkg -x, dpkg --instdir).
  deb="$(ls "$out/package"/*.deb)"
  tree="$out/package/deb-tree"
  rm -rf "$tree"
  dpkg-deb -R "$deb" "$tree"
  mkdir -p "$tree/usr/bin"
  ln -s ../../opt/flowbench/bin/Flowbench "$tree/usr/bin/flowbench"
  install_linux_launcher "$tree/opt/flowbench"
  installed_kb="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
  sed -i "s/^Installed-Size:.*/Installed-Size: $installed_kb/" "$tree/DEBIAN/control"
  dpkg-deb --root-owner-group -Zgzip -b "$tree" "$deb" >/dev/null
  rm -rf "$tree"
  step "built $(basename "$deb"): $(du -h "$deb" | cut -f1) download, $((installed_kb / 1024)) MiB installed"
else
  step "built $(ls "$out/package")"
fi
