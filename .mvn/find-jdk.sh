#!/usr/bin/env bash
# Prints the home of a JDK 25 or newer, or exits 1. Sourced by ./mvnw and ./flowbench.
# Order: FLOWBENCH_JAVA_HOME, JAVA_HOME, `java` on the PATH, then the usual install folders.
java_major() { # $1 = a java home; prints its feature version
  local release="$1/release" v="" line
  [ -x "$1/bin/java" ] || return 1
  if [ -f "$release" ]; then
    # Read with the shell's own builtins: the launcher runs this on every start.
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*) v="${line#JAVA_VERSION=\"}" v="${v%%[!0-9]*}"; break ;;
      esac
    done <"$release"
  else
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  [ -n "$v" ] && printf '%s' "$v"
}
find_jdk() {
  local want=25 c
  local candidates=("${FLOWBENCH_JAVA_HOME:-}" "${JAVA_HOME:-}")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    local v; v=$(java_major "$c") || continue
    if [ -n "$v" ] && [ "$v" -ge "$want" ]; then printf '%s\n' "$c"; return 0; fi
  done
  return 1
}
