package dev.flowbench.engine.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the history tables; additive only, so older databases keep working. */
final class Schema {
    private Schema() {}

    static void create(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA journal_mode=WAL");
            sql.execute("PRAGMA synchronous=NORMAL");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS executions(
                      id TEXT PRIMARY KEY, namespace TEXT NOT NULL, flow_id TEXT NOT NULL, environment TEXT,
                      flow_hash TEXT, state TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER,
                      inputs TEXT, outputs TEXT, error TEXT, host_env TEXT)""");
            sql.execute("CREATE INDEX IF NOT EXISTS executions_by_flow ON executions(flow_id, start_ms)");
            sql.execute("CREATE INDEX IF NOT EXISTS executions_by_start ON executions(start_ms)");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS task_runs(
                      id TEXT PRIMARY KEY, execution_id TEXT NOT NULL, seq INTEGER NOT NULL, task_id TEXT NOT NULL,
                      type TEXT, parent_id TEXT, value TEXT, attempts INTEGER, state TEXT NOT NULL,
                      start_ms INTEGER, end_ms INTEGER, outputs TEXT, error TEXT)""");
            sql.execute("CREATE INDEX IF NOT EXISTS task_runs_by_execution ON task_runs(execution_id, seq)");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS states(
                      execution_id TEXT NOT NULL, task_run_id TEXT, state TEXT NOT NULL, at_ms INTEGER NOT NULL)""");
            sql.execute("CREATE INDEX IF NOT EXISTS states_by_execution ON states(execution_id)");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS logs(
                      execution_id TEXT NOT NULL, seq INTEGER NOT NULL, task_run_id TEXT, task_id TEXT,
                      level TEXT NOT NULL, at_ms INTEGER NOT NULL, message TEXT NOT NULL)""");
            sql.execute("CREATE INDEX IF NOT EXISTS logs_by_execution ON logs(execution_id, seq)");
        }
    }
}
