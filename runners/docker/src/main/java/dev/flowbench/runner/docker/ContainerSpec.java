package dev.flowbench.runner.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine is told when the container is created: one source for both the real create request and
 * the plan, so that what a plan shows is what a run submits.
 *
 * @param image the image reference, as the task wrote it
 * @param command the container's command (the interpreter and the script)
 * @param env environment variables of the commands
 * @param labels labels naming the flow, execution and task run
 * @param workingDir the commands' working directory inside the container
 * @param mounts how the task's files reach the container (a volume or bind mounts)
 * @param settings the runner's resolved configuration
 */
record ContainerSpec(
        String image,
        List<String> command,
        Map<String, String> env,
        Map<String, String> labels,
        String workingDir,
        List<Mount> mounts,
        DockerSettings settings) {

    private static final ObjectMapper JSON =
            new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    ContainerSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        // Kept in the caller's order, so that a plan lists them as the run identity names them.
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        mounts = List.copyOf(mounts);
    }

    /** Applies this spec to {@code create}, which must be fresh; returns it for chaining. */
    CreateContainerCmd applyTo(CreateContainerCmd create) {
        create.withCmd(command)
                .withEnv(envList())
                .withLabels(new LinkedHashMap<>(labels))
                .withWorkingDir(workingDir)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withHostConfig(hostConfig());
        if (settings.entryPoint() != null) {
            create.withEntrypoint(settings.entryPoint());
        }
        if (settings.user() != null) {
            create.withUser(settings.user());
        }
        if (!settings.portBindings().isEmpty()) {
            create.withExposedPorts(settings.portBindings().stream()
                    .map(PortBinding::getExposedPort)
                    .distinct()
                    .toArray(ExposedPort[]::new));
        }
        return create;
    }

    /**
     * The JSON body of the create request as a JSON-like tree (maps, lists, scalars), without contacting any
     * engine; empty values are left out.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> requestBody() {
        CreateContainerCmd.Exec never = command -> {
            throw new IllegalStateException("a plan never creates a container");
        };
        CreateContainerCmd create = applyTo(new CreateContainerCmdImpl(never, null, image));
        return JSON.convertValue(create, LinkedHashMap.class);
    }

    private List<String> envList() {
        List<String> list = new ArrayList<>(env.size());
        env.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.add(e.getKey() + "=" + e.getValue()));
        return list;
    }

    private HostConfig hostConfig() {
        HostConfig host = HostConfig.newHostConfig()
                // The engine's init runs as PID 1 and forwards signals: a script that is PID 1 itself would
                // ignore SIGTERM and even its own `kill -9`, and leave zombies.
                .withInit(true)
                .withMounts(mounts)
                .withNanoCPUs(settings.nanoCpus())
                .withMemory(settings.memory())
                .withMemorySwap(settings.memorySwap())
                .withMemorySwappiness(settings.memorySwappiness())
                .withMemoryReservation(settings.memoryReservation())
                .withKernelMemory(settings.kernelMemory())
                .withOomKillDisable(settings.oomKillDisable())
                .withShmSize(settings.shmSize())
                .withNetworkMode(settings.networkMode());
        if (settings.privileged()) {
            host.withPrivileged(true);
        }
        if (!settings.extraHosts().isEmpty()) {
            host.withExtraHosts(settings.extraHosts().toArray(String[]::new));
        }
        if (!settings.portBindings().isEmpty()) {
            host.withPortBindings(settings.portBindings());
        }
        if (!settings.volumes().isEmpty()) {
            host.withBinds(settings.volumes());
        }
        if (!settings.deviceRequests().isEmpty()) {
            host.withDeviceRequests(settings.deviceRequests().stream()
                    .map(ContainerSpec::deviceRequest)
                    .toList());
        }
        return host;
    }

    private static DeviceRequest deviceRequest(DockerRunner.DeviceRequest request) {
        return new DeviceRequest()
                .withDriver(request.driver())
                .withCount(request.count())
                .withDeviceIds(request.deviceIds())
                .withCapabilities(request.capabilities())
                .withOptions(request.options());
    }
}
