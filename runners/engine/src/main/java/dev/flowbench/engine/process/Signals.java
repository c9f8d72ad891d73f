package dev.flowbench.engine.process;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends POSIX signals to process groups: through libc's {@code kill(2)} when the JVM allows native calls
 * (no process is spawned, which keeps per-task overhead low), else through the {@code kill} command.
 */
final class Signals {

    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    private static final MethodHandle KILL = lookupKill();

    private Signals() {}

    /** Whether this platform has process groups and signals at all (not Windows). */
    static boolean supported() {
        return !System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");
    }

    /**
     * Sends {@code signal} to every process of the group {@code pgid}; true when at least one process
     * received it, false when the group is empty (or the signal could not be sent).
     */
    static boolean signalGroup(long pgid, int signal) {
        if (!supported() || pgid <= 1) {
            return false;
        }
        if (KILL != null) {
            try {
                return (int) KILL.invokeExact((int) -pgid, signal) == 0;
            } catch (Throwable e) {
                // fall through to the command
            }
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Sends {@code signal} to the single process {@code pid}; true when it was delivered. */
    static boolean signalProcess(long pid, int signal) {
        if (!supported() || pid <= 1 || KILL == null) {
            return false;
        }
        try {
            return (int) KILL.invokeExact((int) pid, signal) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("restricted")
    private static MethodHandle lookupKill() {
        if (!supported()) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            Optional<java.lang.foreign.MemorySegment> symbol =
                    linker.defaultLookup().find("kill");
            return symbol.map(s -> linker.downcallHandle(
                            s, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null; // native access disabled: use the kill command instead
        }
    }
}
