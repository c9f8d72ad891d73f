package dev.flowbench.engine;

import java.util.List;
import java.util.function.Consumer;

/** Forwards events to several listeners, one at a time, swallowing what they throw. */
final class CompositeListener implements RunEventListener {
    private final List<RunEventListener> listeners;

    CompositeListener(List<RunEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private synchronized void each(Consumer<RunEventListener> call) {
        for (RunEventListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException ignored) {
                // a listener must not throw; one that does must not break the run or the other listeners
            }
        }
    }

    @Override
    public void executionStarted(Execution execution) {
        each(l -> l.executionStarted(execution));
    }

    @Override
    public void taskStarted(TaskRun taskRun) {
        each(l -> l.taskStarted(taskRun));
    }

    @Override
    public void log(LogEntry entry) {
        each(l -> l.log(entry));
    }

    @Override
    public void taskFinished(TaskRun taskRun) {
        each(l -> l.taskFinished(taskRun));
    }

    @Override
    public void executionFinished(Execution execution) {
        each(l -> l.executionFinished(execution));
    }
}
