package dev.flowbench.app.desktop.document;

import dev.flowbench.app.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The unsaved-edit journal of a workspace: for every document with unsaved edits, one file under
 * {@code .flowbench/journal/} holding its path, the hash of the disk content the edits were made on, and the
 * edited text. Records are written (atomically) shortly after typing pauses, well within a second, so after a
 * crash or {@code kill -9} the next start finds every edit.
 *
 * <p>Thread-safe. Writes happen on the given scheduler; a failed write is retried on the next edit.
 */
public final class Journal {
    private static final String MAGIC = "flowbench-journal 1";

    /** An unsaved document found in the journal; {@code baseHash} is {@link #NEW} for a never-saved file. */
    public record Entry(Path file, String baseHash, String text) {}

    /** The base hash of a document that does not exist on disk. */
    public static final String NEW = "new";

    private final Path workspace;
    private final Path directory;
    private final ScheduledExecutorService scheduler;
    private final Duration delay;
    private final Map<Path, ScheduledFuture<?>> pending = new HashMap<>();
    private final Map<Path, Entry> latest = new HashMap<>();

    public Journal(Path workspace, ScheduledExecutorService scheduler, Duration delay) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.directory = this.workspace.resolve(".flowbench").resolve("journal");
        this.scheduler = scheduler;
        this.delay = delay;
    }

    /** Journals {@code text} as the unsaved content of {@code file}, after the delay (coalescing rapid edits). */
    public synchronized void record(Path file, String baseHash, String text) {
        Path key = file.toAbsolutePath().normalize();
        latest.put(key, new Entry(key, baseHash, text));
        ScheduledFuture<?> previous = pending.remove(key);
        if (previous != null) {
            previous.cancel(false);
        }
        pending.put(key, scheduler.schedule(() -> write(key), delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Forgets {@code file}'s unsaved edits (it was saved, reverted or closed without saving). */
    public synchronized void discard(Path file) {
        Path key = file.toAbsolutePath().normalize();
        latest.remove(key);
        ScheduledFuture<?> previous = pending.remove(key);
        if (previous != null) {
            previous.cancel(false);
        }
        try {
            Files.deleteIfExists(recordFile(key));
        } catch (IOException e) {
            log().log(System.Logger.Level.WARNING, "cannot delete journal record of " + key, e);
        }
    }

    /** Writes every pending record now (on shutdown, and in tests). */
    public void flush() {
        List<Path> keys;
        synchronized (this) {
            keys = new ArrayList<>(pending.keySet());
        }
        keys.forEach(this::write);
    }

    /** The records on disk, oldest state of the previous session; unreadable records are skipped. */
    public List<Entry> entries() {
        var entries = new ArrayList<Entry>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path record : files.filter(p -> p.getFileName().toString().endsWith(".journal"))
                    .sorted()
                    .toList()) {
                read(record).ifPresent(entries::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        return entries;
    }

    /** The SHA-256 of {@code text} in hex, the identity of a disk version. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void write(Path key) {
        Entry entry;
        synchronized (this) {
            pending.remove(key);
            entry = latest.get(key);
        }
        if (entry == null) {
            return;
        }
        String relative = workspace.relativize(key).toString().replace('\\', '/');
        String content = MAGIC + "\npath: " + relative + "\nbase: " + entry.baseHash() + "\n\n" + entry.text();
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(recordFile(key), content);
            synchronized (this) {
                // A discard that raced with this write wins: the edits were saved meanwhile.
                if (!latest.containsKey(key)) {
                    Files.deleteIfExists(recordFile(key));
                }
            }
        } catch (IOException e) {
            log().log(System.Logger.Level.WARNING, "cannot journal unsaved edits of " + key, e);
        }
    }

    private java.util.Optional<Entry> read(Path record) {
        try {
            String content = Files.readString(record, StandardCharsets.UTF_8);
            int blank = content.indexOf("\n\n");
            if (!content.startsWith(MAGIC + "\n") || blank < 0) {
                return java.util.Optional.empty();
            }
            String path = null;
            String base = null;
            for (String line : content.substring(0, blank).lines().skip(1).toList()) {
                if (line.startsWith("path: ")) {
                    path = line.substring(6);
                } else if (line.startsWith("base: ")) {
                    base = line.substring(6);
                }
            }
            if (path == null || base == null) {
                return java.util.Optional.empty();
            }
            Path file = workspace.resolve(path).normalize();
            if (!file.startsWith(workspace)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Entry(file, base, content.substring(blank + 2)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private Path recordFile(Path key) {
        String relative = workspace.relativize(key).toString();
        return directory.resolve(hash(relative).substring(0, 24) + ".journal");
    }

    /**
     * This class's logger, looked up only when there is something to report: the first lookup scans the class
     * path for logging providers, which would otherwise slow every start.
     */
    private static System.Logger log() {
        return System.getLogger(Journal.class.getName());
    }
}
