package dev.flowbench.engine.history;

import dev.flowbench.engine.Execution;
import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.State;
import dev.flowbench.engine.TaskRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the history: one method per write or query; callers hold the connection's lock. The writes,
 * made for every event of every run, keep their prepared statements; {@link #close()} releases them.
 */
final class Rows implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Map<String, PreparedStatement> writes = new HashMap<>();

    Rows(Connection connection) {
        this.connection = connection;
    }

    /** The prepared statement of a write, compiled on first use and then reused. */
    private PreparedStatement write(String sql) throws SQLException {
        PreparedStatement statement = writes.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            writes.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : writes.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection closes next and releases it anyway
            }
        }
        writes.clear();
    }

    void insertExecution(Execution e, long seq) throws SQLException {
        History.bind(
                        write(
                                "INSERT OR REPLACE INTO executions(id, namespace, flow_id, environment, flow_hash, state,"
                                        + " start_ms, end_ms, inputs, outputs, error, host_env) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                        e.id(),
                        e.namespace(),
                        e.flowId(),
                        e.environment(),
                        e.flowHash(),
                        e.state().name(),
                        e.startDate().toEpochMilli(),
                        millis(e.endDate()),
                        json(e.inputs()),
                        json(e.outputs()),
                        e.error(),
                        json(hostEnvironment()))
                .executeUpdate();
        insertState(e.id(), null, e.state(), e.startDate());
    }

    void finishExecution(Execution e) throws SQLException {
        History.bind(
                        write("UPDATE executions SET state = ?, end_ms = ?, outputs = ?, error = ? WHERE id = ?"),
                        e.state().name(),
                        millis(e.endDate()),
                        json(e.outputs()),
                        e.error(),
                        e.id())
                .executeUpdate();
        insertState(e.id(), null, e.state(), e.endDate() == null ? Instant.now() : e.endDate());
    }

    void upsertTaskRun(TaskRun run, long seq) throws SQLException {
        History.bind(
                        write("""
                INSERT INTO task_runs(id, execution_id, seq, task_id, type, parent_id, value, attempts, state,
                  start_ms, end_ms, outputs, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(id) DO UPDATE SET attempts = excluded.attempts, state = excluded.state,
                  start_ms = excluded.start_ms, end_ms = excluded.end_ms, outputs = excluded.outputs,
                  error = excluded.error"""),
                        run.id(),
                        run.executionId(),
                        seq,
                        run.taskId(),
                        run.type(),
                        run.parentId(),
                        run.value(),
                        run.attempts(),
                        run.state().name(),
                        millis(run.startDate()),
                        millis(run.endDate()),
                        json(run.outputs()),
                        run.error())
                .executeUpdate();
        Instant at = run.state().isTerminal() ? run.endDate() : run.startDate();
        insertState(run.executionId(), run.id(), run.state(), at == null ? Instant.now() : at);
    }

    void insertLog(LogEntry entry, long seq) throws SQLException {
        History.bind(
                        write("INSERT INTO logs(execution_id, seq, task_run_id, task_id, level, at_ms, message)"
                                + " VALUES (?,?,?,?,?,?,?)"),
                        entry.executionId(),
                        seq,
                        entry.taskRunId(),
                        entry.taskId(),
                        entry.level().name(),
                        entry.timestamp().toEpochMilli(),
                        entry.message())
                .executeUpdate();
    }

    private void insertState(String executionId, String taskRunId, State state, Instant at) throws SQLException {
        History.bind(
                        write("INSERT INTO states(execution_id, task_run_id, state, at_ms) VALUES (?,?,?,?)"),
                        executionId,
                        taskRunId,
                        state.name(),
                        at.toEpochMilli())
                .executeUpdate();
    }

    List<Execution> executions(String flowId, int limit) {
        return History.unchecked(() -> {
            String where = flowId == null ? "" : " WHERE flow_id = ?";
            try (PreparedStatement sql = connection.prepareStatement(
                    "SELECT * FROM executions" + where + " ORDER BY start_ms DESC, rowid DESC LIMIT ?")) {
                if (flowId == null) {
                    History.bind(sql, limit);
                } else {
                    History.bind(sql, flowId, limit);
                }
                List<Execution> result = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery()) {
                    while (rs.next()) {
                        result.add(execution(rs, List.of()));
                    }
                }
                return result;
            }
        });
    }

    Optional<Execution> execution(String idOrPrefix) {
        return History.unchecked(() -> {
            try (PreparedStatement sql =
                    connection.prepareStatement("SELECT * FROM executions WHERE id = ? OR id LIKE ? LIMIT 2")) {
                History.bind(sql, idOrPrefix, idOrPrefix.replace("%", "").replace("_", "\\_") + "%");
                try (ResultSet rs = sql.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String id = rs.getString("id");
                    boolean exact = id.equals(idOrPrefix);
                    Execution first = execution(rs, taskRuns(id));
                    if (!exact && rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(first);
                }
            }
        });
    }

    private List<TaskRun> taskRuns(String executionId) throws SQLException {
        try (PreparedStatement sql =
                connection.prepareStatement("SELECT * FROM task_runs WHERE execution_id = ? ORDER BY seq")) {
            History.bind(sql, executionId);
            List<TaskRun> runs = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    runs.add(new TaskRun(
                            rs.getString("id"),
                            executionId,
                            rs.getString("task_id"),
                            rs.getString("type"),
                            rs.getString("parent_id"),
                            rs.getString("value"),
                            rs.getInt("attempts"),
                            State.valueOf(rs.getString("state")),
                            History.instant(rs, "start_ms"),
                            History.instant(rs, "end_ms"),
                            map(rs.getString("outputs")),
                            rs.getString("error")));
                }
            }
            return runs;
        }
    }

    List<LogEntry> logs(String executionId) {
        return History.unchecked(() -> {
            try (PreparedStatement sql =
                    connection.prepareStatement("SELECT * FROM logs WHERE execution_id = ? ORDER BY seq")) {
                History.bind(sql, executionId);
                List<LogEntry> logs = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery()) {
                    while (rs.next()) {
                        logs.add(new LogEntry(
                                executionId,
                                rs.getString("task_run_id"),
                                rs.getString("task_id"),
                                LogEntry.Level.valueOf(rs.getString("level")),
                                History.instant(rs, "at_ms"),
                                rs.getString("message")));
                    }
                }
                return logs;
            }
        });
    }

    List<History.StateChange> states(String executionId) {
        return History.unchecked(() -> {
            try (PreparedStatement sql =
                    connection.prepareStatement("SELECT * FROM states WHERE execution_id = ? ORDER BY rowid")) {
                History.bind(sql, executionId);
                List<History.StateChange> changes = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new History.StateChange(
                                rs.getString("task_run_id"),
                                State.valueOf(rs.getString("state")),
                                History.instant(rs, "at_ms")));
                    }
                }
                return changes;
            }
        });
    }

    /** Deletes what {@code retention} no longer keeps; returns the deleted execution ids. */
    List<String> prune(Retention retention, Instant now) {
        return History.unchecked(() -> {
            List<String> ids = new ArrayList<>();
            if (retention.maxAge() != null) {
                collect(
                        ids,
                        "SELECT id FROM executions WHERE start_ms < ?",
                        now.minus(retention.maxAge()).toEpochMilli());
            }
            if (retention.keepPerFlow() != null) {
                collect(ids, """
                        SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY namespace, flow_id
                          ORDER BY start_ms DESC, rowid DESC) AS n FROM executions) WHERE n > ?""", retention.keepPerFlow());
            }
            List<String> unique = ids.stream().distinct().toList();
            connection.setAutoCommit(false);
            try {
                for (String id : unique) {
                    for (String table : List.of("logs", "states", "task_runs")) {
                        try (PreparedStatement sql =
                                connection.prepareStatement("DELETE FROM " + table + " WHERE execution_id = ?")) {
                            History.bind(sql, id).executeUpdate();
                        }
                    }
                    try (PreparedStatement sql = connection.prepareStatement("DELETE FROM executions WHERE id = ?")) {
                        History.bind(sql, id).executeUpdate();
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
            return unique;
        });
    }

    private void collect(List<String> ids, String query, Object argument) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(query)) {
            History.bind(sql, argument);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
    }

    private static Execution execution(ResultSet rs, List<TaskRun> taskRuns) throws SQLException {
        return new Execution(
                rs.getString("id"),
                rs.getString("namespace"),
                rs.getString("flow_id"),
                rs.getString("environment"),
                rs.getString("flow_hash"),
                State.valueOf(rs.getString("state")),
                History.instant(rs, "start_ms"),
                History.instant(rs, "end_ms"),
                map(rs.getString("inputs")),
                map(rs.getString("outputs")),
                taskRuns,
                rs.getString("error"));
    }

    private static Map<String, String> hostEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("java", System.getProperty("java.version"));
        return env;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static String json(Object value) {
        String text = JsonText.write(value);
        return text != null ? text : JSON.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, LinkedHashMap.class);
    }
}
