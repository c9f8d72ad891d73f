package dev.flowbench.app.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Validates documents in the background and publishes their diagnostics, latest version only: while one
 * validation of a document runs, further changes coalesce into a single next run, and results of a
 * superseded version are dropped instead of published. There is no fixed delay; bursts coalesce by themselves.
 */
final class DiagnosticsPublisher implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "flowbench-diagnostics");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "flowbench-prepare");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, TextDocumentState> latest = new ConcurrentHashMap<>();
    private final Map<String, Boolean> queued = new ConcurrentHashMap<>();
    private final Consumer<TextDocumentState> validateAndPublish;

    /** A publisher that calls {@code validateAndPublish} on its own thread for the newest state of a document. */
    DiagnosticsPublisher(Consumer<TextDocumentState> validateAndPublish) {
        this.validateAndPublish = validateAndPublish;
    }

    /** Schedules {@code state} for validation, superseding any older state of the same document. */
    void changed(TextDocumentState state) {
        latest.put(state.uri(), state);
        if (queued.putIfAbsent(state.uri(), Boolean.TRUE) == null) {
            worker.execute(() -> run(state.uri()));
        }
    }

    /** Forgets a closed document; a validation in flight for it is not published. */
    void closed(String uri) {
        latest.remove(uri);
    }

    /** Whether {@code state} is still the newest known state of its document. */
    boolean isLatest(TextDocumentState state) {
        return latest.get(state.uri()) == state;
    }

    /**
     * Runs {@code work} for {@code state} on a thread of its own, alongside its validation, unless a newer
     * version of the document has arrived by then: what requests need is then ready about when the diagnostics
     * are, without adding to their time.
     */
    void prepare(TextDocumentState state, Runnable work) {
        preparer.execute(() -> {
            if (isLatest(state)) {
                work.run();
            }
        });
    }

    private void run(String uri) {
        queued.remove(uri);
        TextDocumentState state = latest.get(uri);
        if (state != null) {
            validateAndPublish.accept(state);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        preparer.shutdownNow();
    }
}
