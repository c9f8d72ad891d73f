package dev.flowbench.engine.history;

import dev.flowbench.engine.Execution;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.RunRecorder;
import dev.flowbench.engine.State;
import dev.flowbench.engine.TaskRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * The run history of one workspace, in {@code <data directory>/history.db} (SQLite in WAL mode, so a crash
 * loses at most the last unflushed events and several Flowbench processes may run flows at once).
 *
 * <p>Recording goes through {@link #recorder()}: events are queued and written by one background thread in
 * batches, one transaction at most every {@value #BATCH_MILLIS} ms, so recording costs a run little; {@link
 * #flush()} writes everything queued at once and waits for it.
 * All values arrive already masked by the engine. Thread-safe. Close it when done.
 */
public final class History implements AutoCloseable {

    /** How long the writer gathers events before writing them in one transaction (unless someone flushes). */
    static final int BATCH_MILLIS = 20;

    private final Path dataDirectory;
    private final Connection connection;
    private final Rows rows;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Thread writer;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Object progress = new Object();
    private final AtomicInteger flushing = new AtomicInteger();
    private volatile boolean closed;

    private History(Path dataDirectory, Connection connection) {
        this.dataDirectory = dataDirectory;
        this.connection = connection;
        this.rows = new Rows(connection);
        this.writer = Thread.ofPlatform().daemon().name("flowbench-history").start(this::writeLoop);
    }

    /**
     * Opens (creating if needed) the history in {@code dataDirectory} (a workspace's {@code .flowbench/});
     * throws {@link HistoryException} with a one-line message when it cannot.
     */
    public static History open(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            config.setGetGeneratedKeys(false); // else every INSERT runs a second query for keys nobody reads
            Connection connection = DriverManager.getConnection(
                    "jdbc:sqlite:" + dataDirectory.resolve("history.db").toAbsolutePath(), config.toProperties());
            Schema.create(connection);
            return new History(dataDirectory, connection);
        } catch (IOException | SQLException e) {
            throw new HistoryException("cannot open the run history in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A recorder for {@code Engine.Builder.recorder}: stores every event of the executions it is given. */
    public RunRecorder recorder() {
        return new RunRecorder() {
            @Override
            public void flush() {
                History.this.flush();
            }

            @Override
            public void executionStarted(Execution execution) {
                submit(() -> rows.insertExecution(execution, sequence.incrementAndGet()));
            }

            @Override
            public void taskStarted(TaskRun run) {
                long seq = sequence.incrementAndGet();
                submit(() -> rows.upsertTaskRun(run, seq));
            }

            @Override
            public void log(LogEntry entry) {
                long seq = sequence.incrementAndGet();
                submit(() -> rows.insertLog(entry, seq));
            }

            @Override
            public void taskFinished(TaskRun run) {
                long seq = sequence.incrementAndGet();
                submit(() -> rows.upsertTaskRun(run, seq));
            }

            @Override
            public void executionFinished(Execution execution) {
                submit(() -> rows.finishExecution(execution));
            }
        };
    }

    /** Writes every event queued so far without waiting for the batch period, and waits until it is written. */
    public void flush() {
        long target = submitted.get();
        if (written.get() >= target) {
            return;
        }
        flushing.incrementAndGet();
        try {
            LockSupport.unpark(writer);
            synchronized (progress) {
                while (written.get() < target && writer.isAlive()) {
                    progress.wait(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flushing.decrementAndGet();
        }
    }

    /** The most recent executions, newest first, of one flow (or all when {@code flowId} is null); no task runs. */
    public List<Execution> executions(String flowId, int limit) {
        flush();
        synchronized (connection) {
            return rows.executions(flowId, limit);
        }
    }

    /**
     * The execution with this id, or the only one whose id starts with it, with its task runs in start order;
     * empty when there is none (or the prefix is ambiguous).
     */
    public Optional<Execution> execution(String idOrPrefix) {
        flush();
        synchronized (connection) {
            return rows.execution(idOrPrefix);
        }
    }

    /** The execution's log lines in order; empty when unknown. */
    public List<LogEntry> logs(String executionId) {
        flush();
        synchronized (connection) {
            return rows.logs(executionId);
        }
    }

    /** The state changes of an execution and its task runs, in order: [taskRunId or null, state, time]. */
    public List<StateChange> states(String executionId) {
        flush();
        synchronized (connection) {
            return rows.states(executionId);
        }
    }

    /** A recorded state change; {@code taskRunId} is null for the execution itself. */
    public record StateChange(String taskRunId, State state, Instant at) {}

    /**
     * Deletes executions beyond {@code retention} with their task runs, logs and files; returns how many
     * executions were deleted.
     */
    public int prune(Retention retention) {
        flush();
        List<String> ids;
        synchronized (connection) {
            ids = rows.prune(retention, Instant.now());
        }
        for (String id : ids) {
            deleteTree(dataDirectory.resolve("runs").resolve(id));
        }
        return ids.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        queue.add(() -> {});
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (connection) {
            rows.close();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing left to save
            }
        }
    }

    private void submit(Write write) {
        if (!closed) {
            submitted.incrementAndGet();
            queue.add(write);
        }
    }

    private void writeLoop() {
        List<Write> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            if (flushing.get() == 0 && !closed) {
                // one transaction for the events of the next moment rather than one per event; flush() wakes us
                LockSupport.parkNanos(this, BATCH_MILLIS * 1_000_000L);
            }
            queue.drainTo(batch, 10_000);
            synchronized (connection) {
                try {
                    connection.setAutoCommit(false);
                    for (Write write : batch) {
                        write.write();
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException ignored) {
                        // the batch is lost; the run itself goes on
                    }
                } finally {
                    try {
                        connection.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // next batch will tell
                    }
                }
            }
            written.addAndGet(batch.size());
            synchronized (progress) {
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // files left behind are only disk space; the database no longer refers to them
        }
    }

    static Map<String, Object> emptyIfNull(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    /** Opening or querying the history failed; the message is one line for the user. */
    public static final class HistoryException extends RuntimeException {
        HistoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static <T> T unchecked(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new HistoryException("run history: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Write {
        void write() throws SQLException;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
