/**
 * The run history: every execution, task run, state change and masked log line, kept in an embedded SQLite
 * database under the workspace's {@code .flowbench/} directory. {@link dev.flowbench.engine.history.History}
 * records through a {@link dev.flowbench.engine.RunEventListener} and answers the queries of
 * {@code flowbench history} and {@code flowbench logs}.
 */
package dev.flowbench.engine.history;
