package dev.flowbench.runner.docker;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Docker task runner as written in a flow: every component is one YAML property, null when absent (defaults
 * are applied when the runner resolves the configuration, not here).
 *
 * <p>The YAML property {@code wait} is the component {@code waitForExit}, because a record cannot have a component
 * named like {@link Object#wait()}.
 */
@Plugin(
        id = DockerRunner.TYPE,
        title = "Docker task runner",
        description = """
                Runs a script task's commands in a Docker container.

                The image comes from the task's `containerImage`, so one runner configuration serves tasks \
                that need different images. The runner talks to the Docker engine at `host`, or else at \
                `DOCKER_HOST`, or else at the local socket. Input files and the working directory are copied \
                into the container (or bind-mounted, see `fileHandlingStrategy`); output files matching the \
                task's `outputFiles` come back. Standard output and standard error stream live and stay apart.

                The commands run under the engine's init process (as with `docker run --init`), so signals \
                reach them. Cancelling the task or reaching its timeout (counted from the container's start, \
                so pulling the image does not count) stops the container: first `SIGTERM`, then, after \
                `killGracePeriod`, `SIGKILL`. With `delete: true` (the default) the container and its volumes \
                are removed once the task's result is known. Containers carry the labels `flowbench.dev/flow`, \
                `flowbench.dev/execution` and `flowbench.dev/taskrun`, and name the Flowbench process that \
                created them (`flowbench.dev/owner-host`, `flowbench.dev/owner-pid`), so that Flowbench removes \
                what a crashed run left behind when it next starts.
                """,
        icon = DockerRunner.ICON,
        examples = {
            @Example(title = "Run a shell task in a container with CPU and memory limits", code = """
                            id: docker_limits
                            namespace: company.team

                            tasks:
                              - id: hello
                                type: io.kestra.plugin.scripts.shell.Commands
                                containerImage: local/busybox:1
                                taskRunner:
                                  type: io.kestra.plugin.scripts.runner.docker.Docker
                                  pullPolicy: IF_NOT_PRESENT
                                  cpu:
                                    cpus: 1
                                  memory:
                                    memory: 512Mi
                                commands:
                                  - echo "Hello from a container"
                            """),
            @Example(title = "Use Docker for every script task of a flow, with a private registry", code = """
                            id: docker_defaults
                            namespace: company.team

                            tasks:
                              - id: report
                                type: io.kestra.plugin.scripts.python.Script
                                containerImage: registry.example.com/team/python:3.12
                                outputFiles:
                                  - report.txt
                                script: |
                                  with open("report.txt", "w") as f:
                                      f.write("done")

                            pluginDefaults:
                              - type: io.kestra.plugin.scripts
                                values:
                                  taskRunner:
                                    type: io.kestra.plugin.scripts.runner.docker.Docker
                                    pullPolicy: ALWAYS
                                    credentials:
                                      registry: registry.example.com
                                      username: "{{ secret('REGISTRY_USERNAME') }}"
                                      password: "{{ secret('REGISTRY_PASSWORD') }}"
                                    memory:
                                      memory: 1g
                                    killGracePeriod: PT30S
                            """)
        })
public record DockerRunner(
        @PluginProperty(
                description = """
                                The Docker engine to use, e.g. `unix:///var/run/docker.sock` or \
                                `tcp://build-host:2376`. When absent, `DOCKER_HOST` decides, or else the local socket.""",
                dynamic = true,
                group = "Connection",
                examples = {"unix:///var/run/docker.sock", "tcp://localhost:2375"})
        String host,

        @PluginProperty(description = """
                                A Docker client configuration (the content of `~/.docker/config.json`), as a map or a \
                                JSON string; its `auths` are used to pull private images.""", dynamic = true, group = "Connection")
        Object config,

        @PluginProperty(
                description = "Credentials for pulling the task's image from a private registry.",
                group = "Connection")
        Credentials credentials,

        @PluginProperty(description = """
                                When to pull the task's image: `IF_NOT_PRESENT` pulls only when the engine does not \
                                have it, `ALWAYS` pulls before every run, `NEVER` fails when it is missing.""", defaultValue = "IF_NOT_PRESENT", group = "Image")
        PullPolicy pullPolicy,

        @PluginProperty(
                description = "The user (name or uid, optionally `:group`) the commands run as; default: the image's.",
                dynamic = true,
                group = "Container",
                examples = {"nobody", "1000:1000"})
        String user,

        @PluginProperty(
                description = """
                                Overrides the image's entry point; the task's commands become its arguments. An \
                                empty list clears the image's entry point.""",
                dynamic = true,
                group = "Container",
                examples = {"[\"\"]", "[\"/bin/sh\", \"-c\"]"})
        List<String> entryPoint,

        @PluginProperty(
                description = "Extra `/etc/hosts` entries, each `name:address`.",
                dynamic = true,
                group = "Network",
                examples = {"host.docker.internal:host-gateway"})
        List<String> extraHosts,

        @PluginProperty(
                description =
                        "The container's network: `bridge`, `host`, `none`, `container:<name>` or a network name.",
                dynamic = true,
                group = "Network",
                examples = {"bridge", "host", "none"})
        String networkMode,

        @PluginProperty(
                description = """
                                Ports to publish, as the Docker CLI's `-p` writes them: \
                                `[ip:][hostPort:]containerPort[/protocol]`.""",
                dynamic = true,
                group = "Network",
                examples = {"8080:80", "127.0.0.1:5432:5432/tcp"})
        List<String> portBindings,

        @PluginProperty(
                description = """
                                Host paths or named volumes to mount, as the Docker CLI's `-v` writes them: \
                                `source:target[:ro]`.""",
                dynamic = true,
                group = "Container",
                examples = {"/data/cache:/cache:ro"})
        List<String> volumes,

        @PluginProperty(
                description = "Devices such as GPUs to expose to the container (the CLI's `--gpus`).",
                group = "Resources")
        List<DeviceRequest> deviceRequests,

        @PluginProperty(description = "The CPU limit.", group = "Resources")
        Cpu cpu,

        @PluginProperty(description = "Memory limits.", group = "Resources")
        Memory memory,

        @PluginProperty(
                description = "The size of `/dev/shm`.",
                dynamic = true,
                group = "Resources",
                pattern = ByteSize.PATTERN,
                patternHint = ByteSize.HINT,
                examples = {"64m", "1Gi"})
        String shmSize,

        @PluginProperty(
                description = "Gives the container extended privileges (the CLI's `--privileged`).",
                defaultValue = "false",
                group = "Container")
        Boolean privileged,

        @PluginProperty(description = """
                                How input and output files reach the container: `VOLUME` copies them through \
                                labelled volumes (works with a remote engine); `MOUNT` bind-mounts the task's working \
                                directory (faster; the engine must see this machine's files).""", defaultValue = "VOLUME", group = "Files")
        FileHandlingStrategy fileHandlingStrategy,

        @PluginProperty(
                description = "Whether to remove the container and its volumes once the task ends.",
                defaultValue = "true",
                group = "Lifecycle")
        Boolean delete,

        @PluginProperty(description = """
                                Whether to wait for the container to exit; when false the task ends once the \
                                container has started, and the container is left running.""", defaultValue = "true", group = "Lifecycle") @JsonProperty("wait")
        Boolean waitForExit,

        @PluginProperty(
                description = """
                                How long a container has to stop after `SIGTERM` when the task is cancelled or times \
                                out, before it is killed; an ISO-8601 duration.""",
                defaultValue = "PT10S",
                group = "Lifecycle",
                examples = {"PT0S", "PT30S"})
        Duration killGracePeriod)
        implements TaskRunner {

    /** The type id flows write under {@code taskRunner}. */
    public static final String TYPE = "io.kestra.plugin.scripts.runner.docker.Docker";

    /** The class path of the runner's icon. */
    public static final String ICON = "dev/flowbench/runner/docker/docker.svg";

    /** A runner with every property at its default. */
    public DockerRunner() {
        this(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    @Override
    public RunHandle run(RunRequest request, RunListener listener) {
        return DockerRun.start(this, request, RunListener.guarded(listener));
    }

    @Override
    public RunPlan plan(RunRequest request) {
        return DockerPlan.of(this, request);
    }

    /** The commands always see the same two directories inside the container, whatever the file strategy. */
    @Override
    public Map<String, String> pathVariables(Path workingDirectory, Path outputDirectory) {
        return Map.of("workingDir", TaskFiles.WORKING_DIR, "outputDir", TaskFiles.OUTPUT_DIR);
    }

    /**
     * Removes what runs of Flowbench processes that have ended left on the engine at {@code host} (null: {@code
     * DOCKER_HOST} or the local socket): containers and unused volumes labelled by Flowbench whose owning process
     * ran on this machine and is gone, after a crash or with {@code delete: false}. Containers of live Flowbench
     * processes, of other machines, and running {@code wait: false} containers stay. Meant for start-up.
     *
     * @return how many containers and volumes were removed
     * @throws dev.flowbench.runner.RunnerException with one line when the engine cannot be reached
     */
    public static int removeLeftovers(String host) {
        DockerEngine engine = DockerEngine.at(host);
        try {
            return Leftovers.remove(engine.client());
        } catch (RuntimeException e) {
            throw new dev.flowbench.runner.RunnerException(engine.explain("cannot list leftovers", e), e);
        }
    }

    /**
     * Waits until the containers of this process's runs are removed: a run's result completes before its container
     * is deleted, so that the next task need not wait. Runs still going on (such as runs being cancelled) are waited
     * for too. A shutdown hook does the same (for up to 30 s); call this where the process goes on but the runs are
     * over, such as at the end of a command-line run.
     *
     * @return whether that happened within {@code timeout}
     */
    public static boolean awaitRemovals(Duration timeout) throws InterruptedException {
        return Removals.await(timeout);
    }

    /** When to pull the task's image. */
    public enum PullPolicy {
        IF_NOT_PRESENT,
        ALWAYS,
        NEVER
    }

    /** How the task's files reach the container. */
    public enum FileHandlingStrategy {
        VOLUME,
        MOUNT
    }

    /** Registry credentials; either a username and password, a token, or a base64 {@code auth} string. */
    public record Credentials(
            @PluginProperty(
                    description = "The registry's address; default: the registry named in the image reference.",
                    dynamic = true,
                    examples = {"registry.example.com", "ghcr.io"})
            String registry,

            @PluginProperty(description = "The registry user name.", dynamic = true)
            String username,

            @PluginProperty(description = "The registry password; keep it in a secret.", dynamic = true)
            String password,

            @PluginProperty(description = "A registry token, sent instead of a password.", dynamic = true)
            String registryToken,

            @PluginProperty(description = "An identity token for the registry (OAuth refresh token).", dynamic = true)
            String identityToken,

            @PluginProperty(
                    description = "`username:password` encoded in base64, as `config.json` stores it.",
                    dynamic = true)
            String auth) {}

    /** A request for host devices, such as GPUs. */
    public record DeviceRequest(
            @PluginProperty(description = "The device driver, e.g. `nvidia`.", dynamic = true)
            String driver,

            @PluginProperty(description = "How many devices; `-1` means all.", examples = "-1")
            Integer count,

            @PluginProperty(description = "Particular device ids, instead of a count.", dynamic = true)
            List<String> deviceIds,

            @PluginProperty(description = """
                                    Capabilities the devices need, as a list of alternatives each listing required \
                                    capabilities, e.g. `[[gpu]]`.""") List<List<String>> capabilities,

            @PluginProperty(description = "Driver-specific options.")
            Map<String, String> options) {}

    /** The CPU limit. */
    public record Cpu(
            @PluginProperty(
                    description = "How many CPUs the container may use, e.g. `1` or `0.5` (the CLI's `--cpus`).",
                    examples = {"1", "0.5"})
            Double cpus) {}

    /** Memory limits; every size accepts Docker ({@code 512m}, {@code 1g}) and Kubernetes ({@code 512Mi}) units. */
    public record Memory(
            @PluginProperty(
                    description = """
                                    The most memory the container may use (the CLI's `--memory`); a container that \
                                    needs more is killed ("out of memory", exit 137). At least 6m.""",
                    dynamic = true,
                    pattern = ByteSize.PATTERN,
                    patternHint = ByteSize.HINT,
                    examples = {"512Mi", "512m", "1g"})
            String memory,

            @PluginProperty(
                    description = """
                                    Memory plus swap the container may use (the CLI's `--memory-swap`); `-1` means \
                                    unlimited swap.""",
                    dynamic = true,
                    pattern = Memory.SWAP_PATTERN,
                    patternHint = "-1 or " + ByteSize.HINT,
                    examples = {"1g", "-1"})
            String memorySwap,

            @PluginProperty(
                    description = "How readily the kernel swaps the container's pages out, from 0 to 100.",
                    examples = "0")
            Integer memorySwappiness,

            @PluginProperty(
                    description = "A soft limit that applies when the host runs short of memory.",
                    dynamic = true,
                    pattern = ByteSize.PATTERN,
                    patternHint = ByteSize.HINT)
            String memoryReservation,

            @PluginProperty(
                    description = "A kernel memory limit; ignored by current kernels.",
                    dynamic = true,
                    deprecated = "memory",
                    pattern = ByteSize.PATTERN,
                    patternHint = ByteSize.HINT)
            String kernelMemory,

            @PluginProperty(
                    description = "Keeps the kernel from killing the container when it runs out of memory.",
                    defaultValue = "false")
            Boolean oomKillDisable) {

        /** The syntax of {@code memorySwap}: a size or -1. */
        static final String SWAP_PATTERN = "^(-1|[0-9]+(\\.[0-9]+)?\\s?([kKmMgGtTpP][iI]?[bB]?|[bB])?)$";
    }
}
