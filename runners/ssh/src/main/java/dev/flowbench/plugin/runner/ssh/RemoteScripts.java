package dev.flowbench.plugin.runner.ssh;

import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunnerException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The POSIX {@code sh} scripts a run executes on the remote host. Only {@code sh} features and the {@code
 * setsid}, {@code kill}, {@code mkdir}, {@code rm} programs are assumed, so any Linux (including busybox) and
 * macOS host works; where {@code setsid} is missing, {@code perl}'s {@code setpgrp} gives the task its process
 * group instead.
 */
final class RemoteScripts {

    /** Exit code of {@link #prepare} when the run directory exists and belongs to another user. */
    static final int NOT_OURS = 3;

    /** Exit code of {@link #prepare} when the run directory cannot be created. */
    static final int CANNOT_CREATE = 4;

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteScripts() {}

    /**
     * Creates the run's directories with mode 700; a leftover of an earlier run of ours is removed first, a
     * directory of someone else is never touched.
     */
    static String prepare(RemoteLayout layout) {
        String root = quote(layout.root());
        return """
                umask 077
                root=%s
                if [ -e "$root" ] || [ -L "$root" ]; then
                  if [ -O "$root" ] && [ ! -L "$root" ]; then rm -rf "$root"; else exit %d; fi
                fi
                mkdir -p "$(dirname "$root")" 2>/dev/null
                mkdir -m 700 "$root" && mkdir "$root/work" "$root/out" "$root/run" || exit %d
                """.formatted(root, NOT_OURS, CANNOT_CREATE);
    }

    /**
     * Starts the job in a process group of its own, records the group id in {@code run/pgid}, waits for it,
     * then stops whatever the job left running in its group (a background child would otherwise keep the
     * channel open and outlive the task) and exits with the job's exit code. A TERM or HUP to the wrapper
     * itself (the server closing the channel) is passed on to the whole group.
     */
    static String wrapper(RemoteLayout layout, Duration grace) {
        return """
                run=%s
                if command -v setsid >/dev/null 2>&1; then
                  setsid /bin/sh "$run/job.sh" &
                elif command -v perl >/dev/null 2>&1; then
                  perl -e 'setpgrp(0, 0); exec @ARGV or exit 127' /bin/sh "$run/job.sh" &
                else
                  /bin/sh "$run/job.sh" &
                fi
                pg=$!
                trap 'kill -TERM -"$pg" 2>/dev/null || kill -TERM "$pg" 2>/dev/null' TERM HUP INT
                echo "$pg" > "$run/pgid"
                wait "$pg" 2>/dev/null
                code=$?
                %s
                exit "$code"
                """.formatted(quote(layout.run()), stopGroup("$pg", grace));
    }

    /**
     * The job: the task's environment, its working directory, a check that the interpreter exists (one clear
     * line and exit code 127 otherwise), then the interpreter with the script as its last argument, as the
     * Process runner does.
     */
    static String job(RemoteLayout layout, RunCommand command, String hostName) {
        String interpreter = command.interpreter().getFirst();
        StringBuilder exec = new StringBuilder("exec");
        for (String argument : command.interpreter()) {
            exec.append(' ').append(quote(argument));
        }
        exec.append(" \"$(cat ").append(quote(layout.run() + "/script")).append(")\"");
        String missing = "flowbench: interpreter '" + interpreter + "' was not found on " + hostName
                + " (not a file and not on the PATH)";
        return """
                . %s
                cd %s || exit 125
                if ! command -v %s >/dev/null 2>&1; then
                  echo %s >&2
                  exit 127
                fi
                %s
                """.formatted(
                        quote(layout.run() + "/env"), quote(layout.work()), quote(interpreter), quote(missing), exec);
    }

    /** {@code export NAME='value'} lines; a name a shell cannot hold is a {@link RunnerException}. */
    static String environment(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            if (!ENV_NAME.matcher(variable.getKey()).matches()) {
                throw new RunnerException("environment variable name '" + variable.getKey()
                        + "' cannot be passed over SSH (letters, digits and _ only, not starting with a digit)");
            }
            out.append("export ")
                    .append(variable.getKey())
                    .append('=')
                    .append(quote(variable.getValue()))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Stops the run's process group: TERM, then KILL after {@code grace} (only TERM to the job's process where
     * it has no group of its own). Waits a little for the group id to be recorded, since a cancel may come right
     * after the command was sent.
     */
    static String kill(RemoteLayout layout, Duration grace) {
        return """
                run=%s
                i=0
                while [ ! -s "$run/pgid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
                pg=$(cat "$run/pgid" 2>/dev/null) || exit 0
                if kill -0 -"$pg" 2>/dev/null; then
                %s
                else
                  kill -TERM "$pg" 2>/dev/null
                fi
                exit 0
                """.formatted(quote(layout.run()), stopGroup("$pg", grace));
    }

    /** Removes the run's directory. */
    static String cleanup(RemoteLayout layout) {
        return "rm -rf " + quote(layout.root()) + "\n";
    }

    /** A single-quoted shell word holding {@code text} exactly. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String stopGroup(String group, Duration grace) {
        long tenths = Math.max(1, (grace.toMillis() + 99) / 100);
        return """
                if kill -0 -"%1$s" 2>/dev/null; then
                  kill -TERM -"%1$s" 2>/dev/null
                  i=0
                  while [ $i -lt %2$d ] && kill -0 -"%1$s" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
                  kill -KILL -"%1$s" 2>/dev/null
                fi""".formatted(group, tenths);
    }
}
