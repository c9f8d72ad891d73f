package dev.flowbench.plugin.runner.ssh;

import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.SecretMasker;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SSH task runner: runs a script task's commands on a remote host over SSH, in a temporary directory of
 * its own, with input files uploaded and output files downloaded over SFTP. A custom plugin: Flowbench knows
 * it only through the JAR in a plugins folder.
 */
@Plugin(
        id = SshRunner.TYPE,
        title = "SSH task runner",
        description = """
                Runs the task's commands on a remote host over SSH — a build machine, a GPU box, a server next \
                to the data — without installing anything there but an SSH server and a POSIX `sh`.

                Each run gets a temporary directory of its own under `tempDirectory` on the host (mode 700, \
                removed afterwards). The task's working directory and `inputFiles` are uploaded there over \
                SFTP, the commands run in it with the task's `env`, and the files matching `outputFiles` (plus \
                everything written to `{{ outputDir }}`) are downloaded when they end. Logs stream back live \
                with stdout and stderr kept apart, and the exit code is the commands' own.

                The commands run in a process group of their own (`setsid`): on cancel or timeout the whole \
                group gets SIGTERM and, after `killGracePeriod`, SIGKILL, and the channel is closed, so no \
                background process survives the task.

                **Host keys are checked** like OpenSSH's `StrictHostKeyChecking=yes`: against `hostKey` when \
                set, else against the `knownHosts` file. An unknown host or a changed key stops the run with \
                the key's fingerprint in the error. `strictHostKeyChecking: false` turns the check off and \
                says so in the task's log on every run; use it only on networks you trust.

                Give credentials with `{{ secret('…') }}`: a `password`, or a `privateKey` (OpenSSH or PEM) \
                with its `privateKeyPassphrase` when encrypted. RSA and ECDSA keys are supported, for logging \
                in and as host keys; Ed25519 keys are not yet (create an ECDSA key with \
                `ssh-keygen -t ecdsa`). The task's `containerImage` is ignored.""",
        icon = "dev/flowbench/plugin/runner/ssh/ssh.svg",
        examples = {
            @Example(title = "Run a report on a build machine with a private key", code = """
                            id: remote_report
                            namespace: company.team
                            tasks:
                              - id: report
                                type: io.kestra.plugin.scripts.shell.Commands
                                taskRunner:
                                  type: dev.flowbench.plugin.runner.ssh.Ssh
                                  host: build-01.example.com
                                  username: flowbench
                                  privateKey: "{{ secret('SSH_PRIVATE_KEY') }}"
                                  knownHosts: ~/.ssh/known_hosts
                                inputFiles:
                                  data.csv: |
                                    name,amount
                                    apples,3
                                outputFiles:
                                  - report.txt
                                commands:
                                  - wc -l < data.csv > report.txt
                                  - echo '::{"outputs":{"host":"'"$(hostname)"'"}}::'
                            """),
            @Example(title = "Password login with the host key pinned inline", code = """
                            id: pinned_host
                            namespace: company.team
                            tasks:
                              - id: uptime
                                type: io.kestra.plugin.scripts.shell.Commands
                                taskRunner:
                                  type: dev.flowbench.plugin.runner.ssh.Ssh
                                  host: 10.0.0.12
                                  port: 2222
                                  username: "{{ secret('SSH_USER') }}"
                                  password: "{{ secret('SSH_PASSWORD') }}"
                                  hostKey: ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBPdqvfVQ1sgpBYf1tb+Pq1/kpaRf6sylracSxJLDsM9igm+m5N1g30/dwXlGHTDf+v4Wb7TVKk5nT26viMxJIa0=
                                commands:
                                  - uptime
                            """)
        })
public record SshRunner(
        @PluginProperty(
                description = "The remote host's name or address.",
                required = true,
                dynamic = true,
                group = "Connection",
                examples = {"build-01.example.com", "10.0.0.12"})
        String host,

        @PluginProperty(description = "The SSH port of the host.", defaultValue = "22", group = "Connection")
        Integer port,

        @PluginProperty(
                description = "The user to log in as; the commands run as this user.",
                required = true,
                dynamic = true,
                group = "Connection",
                examples = {"flowbench"})
        String username,

        @PluginProperty(
                description = "The user's password, usually `{{ secret('SSH_PASSWORD') }}`. Also answers"
                        + " keyboard-interactive password prompts.",
                dynamic = true,
                group = "Authentication")
        String password,

        @PluginProperty(
                description = "A private key in OpenSSH (`-----BEGIN OPENSSH PRIVATE KEY-----`) or PEM format,"
                        + " usually `{{ secret('SSH_PRIVATE_KEY') }}`: the key's text, not a path. RSA or ECDSA;"
                        + " Ed25519 keys are not supported yet.",
                dynamic = true,
                group = "Authentication")
        String privateKey,

        @PluginProperty(
                description = "The passphrase of an encrypted `privateKey`.",
                dynamic = true,
                group = "Authentication")
        String privateKeyPassphrase,

        @PluginProperty(
                description = "A known_hosts file (OpenSSH format, plain or hashed host names) holding the host's key;"
                        + " `~` is this user's home. Not used when `hostKey` is set.",
                defaultValue = "~/.ssh/known_hosts",
                dynamic = true,
                group = "Host key")
        String knownHosts,

        @PluginProperty(
                description = "The host's public key, inline: a line such as `ssh-ed25519 AAAA…` or a known_hosts"
                        + " line, as `ssh-keyscan` prints it (several lines for several keys). Takes precedence over"
                        + " `knownHosts`.",
                dynamic = true,
                group = "Host key")
        String hostKey,

        @PluginProperty(
                description = "Whether the host key must match `hostKey` or `knownHosts`. `false` accepts any key"
                        + " (and warns in the task's log on every run): anyone on the network path can then"
                        + " impersonate the host and read the credentials and files.",
                defaultValue = "true",
                group = "Host key")
        Boolean strictHostKeyChecking,

        @PluginProperty(
                description = "The remote folder under which each run creates its temporary working directory"
                        + " (`flowbench-…`, mode 700, removed after the run).",
                defaultValue = "/tmp",
                dynamic = true,
                group = "Remote host",
                examples = {"/tmp", "/scratch/flowbench"})
        String tempDirectory,

        @PluginProperty(
                description = "How long connecting and logging in may take.",
                defaultValue = "PT30S",
                group = "Timeouts")
        Duration connectTimeout,

        @PluginProperty(
                description = "How long the remote processes get to exit after SIGTERM (cancel, timeout) before"
                        + " they are killed with SIGKILL.",
                defaultValue = "PT5S",
                group = "Timeouts")
        Duration killGracePeriod)
        implements TaskRunner {

    /** The type id flows use. */
    public static final String TYPE = "dev.flowbench.plugin.runner.ssh.Ssh";

    static final int DEFAULT_PORT = 22;
    static final String DEFAULT_KNOWN_HOSTS = "~/.ssh/known_hosts";
    static final String DEFAULT_TEMP_DIRECTORY = "/tmp";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    /** Applies the defaults; never throws, so a half-written configuration still loads (run() says what is wrong). */
    public SshRunner {
        port = port == null ? DEFAULT_PORT : port;
        strictHostKeyChecking = strictHostKeyChecking == null || strictHostKeyChecking;
        tempDirectory = tempDirectory == null || tempDirectory.isBlank() ? DEFAULT_TEMP_DIRECTORY : tempDirectory;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        killGracePeriod = killGracePeriod == null ? DEFAULT_GRACE : killGracePeriod;
        password = blankToNull(password);
        privateKey = blankToNull(privateKey);
        privateKeyPassphrase = blankToNull(privateKeyPassphrase);
        knownHosts = blankToNull(knownHosts);
        hostKey = blankToNull(hostKey);
    }

    @Override
    public RunHandle run(RunRequest request, RunListener listener) {
        RunListener guarded = RunListener.guarded(listener);
        SecretMasker masker = request.masker().plus(secrets());
        HostKeyCheck hostKeys;
        try {
            checkConfiguration();
            RemoteScripts.environment(request.env()); // rejects names a shell cannot hold, before connecting
            hostKeys = hostKeyCheck();
            OutputFiles.writeInputs(request.workingDirectory(), request.inputFiles());
        } catch (RunnerException e) {
            RunnerException masked = new RunnerException(masker.mask(e.getMessage()), e);
            guarded.failed(masked);
            throw masked;
        }
        return SshRun.start(this, request, guarded, masker, hostKeys);
    }

    @Override
    public RunPlan plan(RunRequest request) {
        RemoteLayout layout = layout(request.workingDirectory());
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("host", host + ":" + port);
        connection.put("username", String.valueOf(username));
        connection.put("authentication", authentication());
        connection.put("hostKeyCheck", hostKeyDescription());
        Map<String, Object> remote = new LinkedHashMap<>();
        remote.put("directory", layout.root() + " (created for the run, removed after it)");
        remote.put("command", request.command().argv());
        remote.put("workingDirectory", layout.work());
        remote.put("outputDirectory", layout.out());
        remote.put("env", new java.util.TreeMap<>(request.env()));
        remote.put("processGroup", "own (setsid), stopped with SIGTERM then SIGKILL after " + killGracePeriod);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("connection", connection);
        spec.put("remote", remote);
        spec.put("upload", List.copyOf(new TreeSet<>(request.inputFiles().keySet())));
        spec.put("download", request.outputFiles());
        spec.put(
                "timeout",
                request.timeout() == null ? "none" : request.timeout().toString());
        return RunPlan.of("Ssh", "runs the commands on " + host + " over SSH", spec)
                .masked(request.masker().plus(secrets()));
    }

    @Override
    public Map<String, String> pathVariables(Path workingDirectory, Path outputDirectory) {
        RemoteLayout layout = layout(workingDirectory);
        return Map.of("workingDir", layout.work(), "outputDir", layout.out());
    }

    /** Never shows the password, the private key or its passphrase. */
    @Override
    public String toString() {
        return "SshRunner[" + username + "@" + host + ":" + port + ", " + authentication() + ", " + hostKeyDescription()
                + "]";
    }

    RemoteLayout layout(Path localWorkingDirectory) {
        return RemoteLayout.of(tempDirectory, localWorkingDirectory);
    }

    /** The configured secret values, masked in everything this runner prints. */
    List<String> secrets() {
        List<String> values = new ArrayList<>();
        for (String value : new String[] {password, privateKey, privateKeyPassphrase}) {
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private void checkConfiguration() {
        if (host == null || host.isBlank()) {
            throw new RunnerException("the SSH runner needs a host");
        }
        if (username == null || username.isBlank()) {
            throw new RunnerException("the SSH runner needs a username");
        }
        if (port < 1 || port > 65535) {
            throw new RunnerException("port " + port + " is not a TCP port (1 to 65535)");
        }
        if (password == null && privateKey == null) {
            throw new RunnerException("the SSH runner needs a password or a privateKey to log in to " + host);
        }
        if (!tempDirectory.startsWith("/") || tempDirectory.indexOf('\n') >= 0) {
            throw new RunnerException(
                    "tempDirectory must be an absolute path on the remote host, not '" + tempDirectory + "'");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || killGracePeriod.isNegative()) {
            throw new RunnerException("connectTimeout must be positive and killGracePeriod not negative");
        }
    }

    private HostKeyCheck hostKeyCheck() {
        if (!strictHostKeyChecking) {
            return HostKeyCheck.disabled();
        }
        if (hostKey != null) {
            return HostKeyCheck.inline(hostKey);
        }
        String file = knownHosts == null ? DEFAULT_KNOWN_HOSTS : knownHosts;
        return HostKeyCheck.knownHosts(expandHome(file), host, port, knownHosts != null);
    }

    private String authentication() {
        if (privateKey != null && password != null) {
            return "privateKey, then password";
        }
        return privateKey != null ? "privateKey" : password != null ? "password" : "none";
    }

    private String hostKeyDescription() {
        if (!strictHostKeyChecking) {
            return "disabled (strictHostKeyChecking: false)";
        }
        return hostKey != null
                ? "against hostKey"
                : "against " + (knownHosts == null ? DEFAULT_KNOWN_HOSTS : knownHosts);
    }

    private static Path expandHome(String file) {
        if (file.equals("~") || file.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + file.substring(1));
        }
        return Path.of(file);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
