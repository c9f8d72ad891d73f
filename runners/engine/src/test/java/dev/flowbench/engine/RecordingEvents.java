package dev.flowbench.engine;

import java.util.ArrayList;
import java.util.List;

/** Test listener keeping every event, in order. */
final class RecordingEvents implements RunEventListener {
    final List<String> events = new ArrayList<>();
    final List<LogEntry> logs = new ArrayList<>();

    @Override
    public synchronized void executionStarted(Execution execution) {
        events.add("execution " + execution.state());
    }

    @Override
    public synchronized void taskStarted(TaskRun run) {
        events.add("start " + run.taskId() + (run.value() == null ? "" : "[" + run.value() + "]"));
    }

    @Override
    public synchronized void log(LogEntry entry) {
        logs.add(entry);
    }

    @Override
    public synchronized void taskFinished(TaskRun run) {
        events.add("end " + run.taskId() + (run.value() == null ? "" : "[" + run.value() + "]") + " " + run.state());
    }

    @Override
    public synchronized void executionFinished(Execution execution) {
        events.add("execution " + execution.state());
    }

    synchronized List<String> messages(String taskId) {
        return logs.stream()
                .filter(l -> taskId.equals(l.taskId()))
                .map(LogEntry::message)
                .toList();
    }

    synchronized String allText() {
        StringBuilder text = new StringBuilder();
        logs.forEach(l -> text.append(l.message()).append('\n'));
        return text.toString();
    }
}
