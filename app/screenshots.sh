#!/usr/bin/env bash
# Takes the README's screenshots from the real app on JavaFX's headless platform (no display needed).
# Usage: app/screenshots.sh [OUTPUT_DIR]   (default: assets/docs/screenshots)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -o test-compile dependency:build-classpath -pl app -am \
  -Dmdep.outputFile=target/tour.classpath -Dmdep.includeScope=test >/dev/null
source .mvn/find-jdk.sh
java="$(find_jdk)/bin/java"
cp="app/target/test-classes:app/target/classes:$(cat app/target/tour.classpath)"
exec "$java" -Dglass.platform=Headless -Dprism.order=sw -Dprism.lcdtext=false --enable-native-access=ALL-UNNAMED \
  -cp "$cp" dev.flowbench.app.desktop.ScreenshotTour "${1:-assets/docs/screenshots}"
