package dev.flowbench.runner.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Flowbench process that created a container or volume, written into its labels so that a later start can tell
 * the leftovers of a crashed run from the containers of a run still going on in another Flowbench process.
 *
 * @param host the name of the machine the process runs on
 * @param pid the process id
 * @param started when the process started (epoch milliseconds), or null where the platform does not say; it tells a
 *     process from a later one that was given the same pid
 */
record Owner(String host, long pid, String started) {

    /** The label naming the owner's machine. */
    static final String HOST_LABEL = "flowbench.dev/owner-host";

    /** The label holding the owner's process id. */
    static final String PID_LABEL = "flowbench.dev/owner-pid";

    /** The label holding the owner's start time in epoch milliseconds. */
    static final String STARTED_LABEL = "flowbench.dev/owner-started";

    /** This process; never null. */
    static Owner current() {
        return Current.OWNER;
    }

    /** The owner {@code process} on this machine, read while it runs; never null. */
    static Owner of(ProcessHandle process) {
        String started = process.info()
                .startInstant()
                .map(Instant::toEpochMilli)
                .map(String::valueOf)
                .orElse(null);
        return new Owner(Current.HOST, process.pid(), started);
    }

    /** The owner named by {@code labels}, or empty when they name none (or not readably). */
    static Optional<Owner> fromLabels(Map<String, String> labels) {
        if (labels == null) {
            return Optional.empty();
        }
        String host = labels.get(HOST_LABEL);
        String pid = labels.get(PID_LABEL);
        if (host == null || host.isBlank() || pid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(host, Long.parseLong(pid.strip()), labels.get(STARTED_LABEL)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The labels naming this owner, in a fixed order. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(HOST_LABEL, host);
        labels.put(PID_LABEL, Long.toString(pid));
        if (started != null) {
            labels.put(STARTED_LABEL, started);
        }
        return labels;
    }

    /**
     * Whether the owner is known to have ended: it ran on this machine and no live process has its pid and start
     * time. An owner on another machine is never known to have ended, nor one whose start time cannot be read.
     */
    boolean isGone() {
        if (!host.equals(Current.HOST)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        if (started == null) {
            return false;
        }
        return process.get()
                .info()
                .startInstant()
                .map(instant -> !started.equals(Long.toString(instant.toEpochMilli())))
                .orElse(false);
    }

    /** This machine's name and the owner of the running process: computed once, on first use. */
    private static final class Current {
        static final String HOST = hostName();
        static final Owner OWNER = of(ProcessHandle.current());

        /** The machine's name, read without a name lookup where the platform allows (a lookup can take seconds). */
        private static String hostName() {
            try {
                Path linux = Path.of("/proc/sys/kernel/hostname");
                if (Files.isReadable(linux)) {
                    String name = Files.readString(linux).strip();
                    if (!name.isEmpty()) {
                        return name;
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // Not Linux after all; ask the platform below.
            }
            String windows = System.getenv("COMPUTERNAME");
            if (windows != null && !windows.isBlank()) {
                return windows.strip();
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                return "localhost";
            }
        }
    }
}
