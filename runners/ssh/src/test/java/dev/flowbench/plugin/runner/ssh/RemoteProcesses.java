package dev.flowbench.plugin.runner.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks at this machine's live processes (Linux /proc): the test server's "remote" commands run here. */
final class RemoteProcesses {

    private RemoteProcesses() {}

    /** Pids of live, non-zombie processes whose environment contains {@code entry} ({@code NAME=value}). */
    static List<Long> withEnv(String entry) throws IOException {
        byte[] needle = entry.getBytes(StandardCharsets.UTF_8);
        return matching("environ", needle);
    }

    /** Pids of live, non-zombie processes whose command line (arguments joined by spaces) contains {@code text}. */
    static List<Long> commandLinesContaining(String text) throws IOException {
        List<Long> found = new ArrayList<>();
        for (Path dir : processes()) {
            try {
                String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                        .replace('\0', ' ');
                if (command.contains(text) && !isZombie(dir)) {
                    found.add(Long.parseLong(dir.getFileName().toString()));
                }
            } catch (IOException gone) {
                // ended while we looked
            }
        }
        return found;
    }

    /** Whether {@code pid} is a live process (a zombie, dead but not yet reaped, is not). */
    static boolean running(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            return Files.isDirectory(dir) && !isZombie(dir);
        } catch (IOException gone) {
            return false;
        }
    }

    private static List<Long> matching(String file, byte[] needle) throws IOException {
        List<Long> found = new ArrayList<>();
        for (Path dir : processes()) {
            try {
                if (contains(Files.readAllBytes(dir.resolve(file)), needle) && !isZombie(dir)) {
                    found.add(Long.parseLong(dir.getFileName().toString()));
                }
            } catch (IOException gone) {
                // ended while we looked, or not ours to read
            }
        }
        return found;
    }

    private static List<Path> processes() throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(proc)) {
            return dirs.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList();
        }
    }

    private static boolean isZombie(Path dir) throws IOException {
        String stat = Files.readString(dir.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
