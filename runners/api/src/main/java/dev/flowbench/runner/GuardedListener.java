package dev.flowbench.runner;

import java.util.Map;

/** Serializes calls to a listener and swallows its exceptions, enforcing the listener rules for runners. */
final class GuardedListener implements RunListener {
    private final RunListener delegate;

    GuardedListener(RunListener delegate) {
        this.delegate = delegate instanceof GuardedListener guarded ? guarded.delegate : delegate;
    }

    @Override
    public synchronized void started(RunRequest request, Map<String, String> details) {
        try {
            delegate.started(request, details);
        } catch (RuntimeException ignored) {
            // listeners must not throw; a broken one must not break the run
        }
    }

    @Override
    public synchronized void log(LogLine line) {
        try {
            delegate.log(line);
        } catch (RuntimeException ignored) {
            // see started
        }
    }

    @Override
    public synchronized void finished(RunResult result) {
        try {
            delegate.finished(result);
        } catch (RuntimeException ignored) {
            // see started
        }
    }

    @Override
    public synchronized void failed(RunnerException error) {
        try {
            delegate.failed(error);
        } catch (RuntimeException ignored) {
            // see started
        }
    }
}
