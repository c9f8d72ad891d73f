package dev.flowbench.runner;

import java.time.Instant;
import java.util.Objects;

/**
 * One line written by a task's commands, already masked, without its line terminator.
 *
 * @param stream which stream the line came from
 * @param timestamp when the runner received the line (or when the remote side stamped it)
 * @param text the line's text, never null
 */
public record LogLine(Stream stream, Instant timestamp, String text) {

    /** The two output streams of a process. */
    public enum Stream {
        STDOUT,
        STDERR
    }

    public LogLine {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(text, "text");
    }

    /** A stdout line stamped now. */
    public static LogLine stdout(String text) {
        return new LogLine(Stream.STDOUT, Instant.now(), text);
    }

    /** A stderr line stamped now. */
    public static LogLine stderr(String text) {
        return new LogLine(Stream.STDERR, Instant.now(), text);
    }
}
