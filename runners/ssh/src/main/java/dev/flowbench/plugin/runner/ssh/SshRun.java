package dev.flowbench.plugin.runner.ssh;

import dev.flowbench.runner.LogCollector;
import dev.flowbench.runner.LogLine;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.sftp.client.SftpClient;

/**
 * One run on the remote host, driven by one background thread: connect, prepare the directory, upload,
 * start the wrapper, stream logs, enforce timeout and cancel (kill the process group, close the channel),
 * download output files, remove the directory, complete the result.
 */
final class SshRun implements RunHandle {

    /** How often the supervising thread looks at cancel and the timeout while the commands run. */
    private static final long POLL_MILLIS = 100;

    /** How long output may still arrive after the exit status, and scripts such as cleanup may take. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final SshRunner config;
    private final RunRequest request;
    private final RunListener listener;
    private final SecretMasker masker;
    private final HostKeyCheck hostKeys;
    private final RemoteLayout layout;
    private final LogCollector collector;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private boolean timedOut;

    private SshRun(
            SshRunner config, RunRequest request, RunListener listener, SecretMasker masker, HostKeyCheck hostKeys) {
        this.config = config;
        this.request = request;
        this.listener = listener;
        this.masker = masker;
        this.hostKeys = hostKeys;
        this.layout = config.layout(request.workingDirectory());
        this.collector = new LogCollector(masker, listener);
    }

    static SshRun start(
            SshRunner config, RunRequest request, RunListener listener, SecretMasker masker, HostKeyCheck hostKeys) {
        SshRun run = new SshRun(config, request, listener, masker, hostKeys);
        Thread.ofPlatform()
                .daemon()
                .name("flowbench-ssh-" + request.identity().taskId())
                .start(run::execute);
        return run;
    }

    @Override
    public void cancel() {
        cancelled.set(true); // the supervising thread notices within POLL_MILLIS, or after its current step
    }

    @Override
    public CompletionStage<RunResult> result() {
        return result.minimalCompletionStage();
    }

    private void execute() {
        RunResult done;
        try (SshConnection connection = SshConnection.open(config, hostKeys, masker)) {
            if (cancelled.get()) {
                done = killedBeforeStart(connection.target());
            } else {
                prepare(connection);
                try {
                    done = runPrepared(connection);
                } finally {
                    cleanup(connection);
                }
            }
        } catch (RunnerException e) {
            fail(e);
            return;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            fail(new RunnerException(
                    masker.mask("the SSH runner failed on " + config.host() + ":" + config.port() + ": " + message),
                    e));
            return;
        }
        finish(done);
    }

    private RunResult runPrepared(SshConnection connection) throws IOException {
        try (SftpClient sftp = connection.sftp()) {
            RemoteFiles.upload(sftp, request.workingDirectory(), layout.work());
            RemoteFiles.write(sftp, layout.run() + "/env", RemoteScripts.environment(request.env()));
            RemoteFiles.write(sftp, layout.run() + "/script", request.command().script());
            RemoteFiles.write(
                    sftp, layout.run() + "/job.sh", RemoteScripts.job(layout, request.command(), config.host()));
            RemoteFiles.write(
                    sftp, layout.run() + "/wrapper.sh", RemoteScripts.wrapper(layout, config.killGracePeriod()));
            if (cancelled.get()) {
                return killedBeforeStart(connection.target());
            }
            Integer exitCode = runCommands(connection);
            Map<String, String> details = details(connection);
            String pgid = RemoteFiles.readOrNull(sftp, layout.run() + "/pgid");
            if (pgid != null && !pgid.isBlank()) {
                details.put("pgid", pgid.strip());
            }
            Map<String, Path> files = RemoteFiles.download(
                    sftp, layout, request.outputFiles(), request.workingDirectory(), request.outputDirectory());
            boolean killed = timedOut || cancelled.get();
            int code = exitCode != null ? exitCode : 137;
            return new RunResult(
                    code,
                    killed,
                    timedOut,
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    details,
                    collector.outputs(),
                    collector.metrics(),
                    files);
        }
    }

    /**
     * Runs the wrapper and waits for its exit code; null when the run was stopped and the host never sent one.
     * A channel closed without an exit code otherwise means the connection broke: a {@link RunnerException}.
     */
    private Integer runCommands(SshConnection connection) throws IOException {
        String command = "/bin/sh " + RemoteScripts.quote(layout.run() + "/wrapper.sh");
        try (ChannelExec channel = connection.start(
                command,
                new CollectorStream(LogLine.Stream.STDOUT),
                new CollectorStream(LogLine.Stream.STDERR),
                config.connectTimeout())) {
            listener.started(request, details(connection));
            if (hostKeys.isDisabled()) {
                listener.log(LogLine.stderr(masker.mask("[ssh] warning: host key checking is disabled"
                        + " (strictHostKeyChecking: false); the key of " + connection.target() + " was not verified: "
                        + hostKeys.presentedFingerprint())));
            }
            boolean stopped = false;
            long deadline = request.timeout() == null
                    ? Long.MAX_VALUE
                    : startNanos + request.timeout().toNanos();
            long giveUp = Long.MAX_VALUE;
            while (true) {
                Set<ClientChannelEvent> events = channel.waitFor(
                        EnumSet.of(ClientChannelEvent.EXIT_STATUS, ClientChannelEvent.CLOSED), POLL_MILLIS);
                if (events.contains(ClientChannelEvent.EXIT_STATUS) || events.contains(ClientChannelEvent.CLOSED)) {
                    break;
                }
                long now = System.nanoTime();
                if (!stopped && (cancelled.get() || now - deadline >= 0)) {
                    timedOut = !cancelled.get();
                    stopped = true;
                    stopRemote(connection);
                    giveUp = System.nanoTime() + DRAIN.toNanos();
                } else if (stopped && now - giveUp >= 0) {
                    break; // the remote side does not answer any more: close the channel and move on
                }
                if (!connection.isOpen()) {
                    throw connectionLost(connection);
                }
            }
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), DRAIN); // the rest of the output
            collector.close();
            Integer status = channel.getExitStatus();
            if (status == null && channel.getExitSignal() != null) {
                status = 128 + signalNumber(channel.getExitSignal());
            }
            if (status == null && !stopped) {
                throw connectionLost(connection);
            }
            return status;
        }
    }

    private RunnerException connectionLost(SshConnection connection) {
        return new RunnerException(masker.mask("the connection to " + connection.target()
                + " was lost before the commands ended; they may still be running there"));
    }

    /** Kills the remote process group: TERM, then KILL after the grace period. */
    private void stopRemote(SshConnection connection) {
        try {
            connection.script(
                    RemoteScripts.kill(layout, config.killGracePeriod()),
                    config.killGracePeriod().plus(DRAIN).plus(DRAIN));
        } catch (IOException | RuntimeException e) {
            listener.log(LogLine.stderr(masker.mask(
                    "[ssh] could not stop the remote processes on " + connection.target() + ": " + e.getMessage())));
        }
    }

    private void prepare(SshConnection connection) throws IOException {
        SshConnection.ScriptResult prepared = connection.script(RemoteScripts.prepare(layout), config.connectTimeout());
        switch (prepared.exitCode()) {
            case 0 -> {}
            case RemoteScripts.NOT_OURS ->
                throw new RunnerException(masker.mask(layout.root() + " on " + connection.target()
                        + " exists and belongs to another user; set tempDirectory to a folder of your own"));
            default ->
                throw new RunnerException(masker.mask("cannot create " + layout.root() + " on " + connection.target()
                        + (prepared.output().isEmpty() ? "" : ": " + firstLine(prepared.output()))));
        }
    }

    private void cleanup(SshConnection connection) {
        if (!connection.isOpen()) {
            return;
        }
        try {
            SshConnection.ScriptResult removed = connection.script(RemoteScripts.cleanup(layout), DRAIN.plus(DRAIN));
            if (removed.exitCode() != 0) {
                throw new IOException(firstLine(removed.output()));
            }
        } catch (IOException | RuntimeException e) {
            // The run's own result stands; this only leaves a folder behind, which the next run of it replaces.
            listener.log(LogLine.stderr(masker.mask(
                    "[ssh] could not remove " + layout.root() + " on " + connection.target() + ": " + e.getMessage())));
        }
    }

    private RunResult killedBeforeStart(String target) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("host", target);
        return new RunResult(
                143, true, false, Duration.ofNanos(System.nanoTime() - startNanos), details, null, null, null);
    }

    private Map<String, String> details(SshConnection connection) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("host", connection.target());
        details.put("directory", layout.root());
        return details;
    }

    private void finish(RunResult done) {
        collector.close();
        listener.finished(done);
        result.complete(done);
    }

    private void fail(RunnerException error) {
        collector.close();
        listener.failed(error);
        result.completeExceptionally(error);
    }

    private static int signalNumber(String signal) {
        return switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "KILL" -> 9;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            default -> 15;
        };
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Feeds one remote stream into the collector, which decodes, masks, splits lines and reads outputs. */
    private final class CollectorStream extends OutputStream {
        private final LogLine.Stream stream;

        CollectorStream(LogLine.Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            collector.accept(stream, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            collector.accept(stream, bytes, offset, length);
        }
    }
}
