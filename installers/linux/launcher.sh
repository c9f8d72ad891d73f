#!/bin/sh
# Flowbench, as installed on Linux: with no arguments (or flow files to open) the editor, otherwise the
# command line (`lsp`: the language server). Written over jpackage's native launcher by installers/build.sh, which fills in the class
# path; that launcher asks rpm and dpkg which package owns it at every start (a scan of the package database:
# a tenth of a second to a second on a desktop) and cannot give each face its own JVM options.
#
# Each face starts the bundled runtime as the repository's ./flowbench does: the editor and the commands with
# the C1 compiler only and the serial collector (short-lived or start-bound), the language server with the
# full JIT (it runs for hours). The editor maps an AOT cache (classes loaded and linked ahead of time), the
# others a class-data archive; both were written at build time by training starts of this script with
# FLOWBENCH_TRAIN_ARCHIVES set (the installation is read-only for its users). A missing or unusable archive is
# quietly ignored and the app starts without it. JavaFX stays on the class path, unlike in ./flowbench: the
# JVM finds an AOT cache's class path in a moved installation, but not its module path.
self="$(readlink -f "$0")"
top="${self%/bin/*}"
app="$top/lib/app"
java="$top/lib/runtime/bin/java"
classpath="@CLASS_PATH@"

# The editor: no arguments, or only existing YAML files to open (as FilesToOpen decides in the app).
editor=yes
for arg in "$@"; do
  case "$arg" in
    *.[yY][aA][mM][lL] | *.[yY][mM][lL]) [ -f "$arg" ] || editor="" ;;
    *) editor="" ;;
  esac
done
if [ -n "$editor" ]; then
  cache=-XX:AOTCache="$app/editor.aot"
  [ -n "${FLOWBENCH_TRAIN_ARCHIVES:-}" ] && cache=-XX:AOTCacheOutput="$app/editor.aot"
  exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m "$cache" -Xlog:aot=off -Xlog:cds=off \
    --enable-native-access=ALL-UNNAMED -Dflowbench.home="$app" ${FLOWBENCH_JAVA_OPTS:-} \
    -cp "$classpath" dev.flowbench.app.Main "$@"
fi
if [ "$1" = lsp ]; then
  exec "$java" -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -Xss4m \
    -XX:SharedArchiveFile="$app/commands.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
    --enable-native-access=ALL-UNNAMED -Dflowbench.home="$app" ${FLOWBENCH_JAVA_OPTS:-} \
    -cp "$classpath" dev.flowbench.app.Main "$@"
fi
archive=-XX:SharedArchiveFile="$app/commands.jsa"
[ -n "${FLOWBENCH_TRAIN_ARCHIVES:-}" ] && archive=-XX:ArchiveClassesAtExit="$app/commands.jsa"
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m \
  "$archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
  --enable-native-access=ALL-UNNAMED -Dflowbench.home="$app" ${FLOWBENCH_JAVA_OPTS:-} \
  -cp "$classpath" dev.flowbench.app.Main "$@"
