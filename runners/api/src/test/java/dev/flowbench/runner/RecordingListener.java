package dev.flowbench.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A test listener that records every event in order; thread-safe, with a wait for a line to appear. */
public final class RecordingListener implements RunListener {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<LogLine> lines = new ArrayList<>();
    private volatile Map<String, String> startDetails;
    private volatile RunResult result;
    private volatile RunnerException error;

    @Override
    public void started(RunRequest request, Map<String, String> details) {
        startDetails = details;
        events.add("started");
    }

    @Override
    public void log(LogLine line) {
        synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
        }
    }

    @Override
    public void finished(RunResult result) {
        this.result = result;
        events.add("finished");
    }

    @Override
    public void failed(RunnerException error) {
        this.error = error;
        events.add("failed");
    }

    /** The lifecycle events (started, finished, failed) in order. */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** All log lines so far. */
    public List<LogLine> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The texts of the lines of one stream, in order. */
    public List<String> texts(LogLine.Stream stream) {
        return lines().stream()
                .filter(line -> line.stream() == stream)
                .map(LogLine::text)
                .toList();
    }

    /** The stdout texts in order. */
    public List<String> stdout() {
        return texts(LogLine.Stream.STDOUT);
    }

    /** The stderr texts in order. */
    public List<String> stderr() {
        return texts(LogLine.Stream.STDERR);
    }

    /** The details passed to started, or null. */
    public Map<String, String> startDetails() {
        return startDetails;
    }

    /** The result passed to finished, or null. */
    public RunResult result() {
        return result;
    }

    /** The error passed to failed, or null. */
    public RunnerException error() {
        return error;
    }

    /** Waits until a line with this text arrives; false when it did not within {@code timeout}. */
    public boolean awaitLine(Predicate<String> text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (lines.stream().noneMatch(line -> text.test(line.text()))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
