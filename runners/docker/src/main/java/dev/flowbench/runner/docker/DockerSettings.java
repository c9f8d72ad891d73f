package dev.flowbench.runner.docker;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.PortBinding;
import dev.flowbench.runner.docker.DockerRunner.FileHandlingStrategy;
import dev.flowbench.runner.docker.DockerRunner.PullPolicy;
import java.time.Duration;
import java.util.List;

/**
 * A {@link DockerRunner} configuration with defaults applied and every size, CPU count, port and volume parsed;
 * building one is where a user's mistake becomes a one-line message naming the property.
 */
record DockerSettings(
        String host,
        PullPolicy pullPolicy,
        String user,
        List<String> entryPoint,
        List<String> extraHosts,
        String networkMode,
        List<PortBinding> portBindings,
        List<Bind> volumes,
        List<DockerRunner.DeviceRequest> deviceRequests,
        Long nanoCpus,
        Long memory,
        Long memorySwap,
        Long memorySwappiness,
        Long memoryReservation,
        Long kernelMemory,
        Boolean oomKillDisable,
        Long shmSize,
        boolean privileged,
        FileHandlingStrategy fileHandling,
        boolean delete,
        boolean waitForExit,
        Duration killGracePeriod) {

    /** Docker's own default grace period for {@code docker stop}. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /**
     * The settings {@code runner} describes; never null.
     *
     * @throws IllegalArgumentException with a one-line message starting with the property's name when a value is
     *     invalid
     */
    static DockerSettings of(DockerRunner runner) {
        DockerRunner.Memory memory = runner.memory();
        DockerRunner.Cpu cpu = runner.cpu();
        Long swappiness = null;
        if (memory != null && memory.memorySwappiness() != null) {
            int value = memory.memorySwappiness();
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("memory.memorySwappiness: " + value + " is not between 0 and 100");
            }
            swappiness = (long) value;
        }
        Duration grace = runner.killGracePeriod() == null ? DEFAULT_GRACE : runner.killGracePeriod();
        if (grace.isNegative()) {
            throw new IllegalArgumentException("killGracePeriod: " + grace + " is negative");
        }
        return new DockerSettings(
                blankToNull(runner.host()),
                runner.pullPolicy() == null ? PullPolicy.IF_NOT_PRESENT : runner.pullPolicy(),
                blankToNull(runner.user()),
                runner.entryPoint() == null ? null : List.copyOf(runner.entryPoint()),
                copy(runner.extraHosts()),
                blankToNull(runner.networkMode()),
                copy(runner.portBindings()).stream().map(DockerSettings::port).toList(),
                copy(runner.volumes()).stream().map(DockerSettings::volume).toList(),
                copy(runner.deviceRequests()),
                cpu == null || cpu.cpus() == null ? null : cpus(cpu.cpus()),
                size("memory.memory", memory == null ? null : memory.memory()),
                swap(memory == null ? null : memory.memorySwap()),
                swappiness,
                size("memory.memoryReservation", memory == null ? null : memory.memoryReservation()),
                size("memory.kernelMemory", memory == null ? null : memory.kernelMemory()),
                memory == null ? null : memory.oomKillDisable(),
                size("shmSize", runner.shmSize()),
                Boolean.TRUE.equals(runner.privileged()),
                runner.fileHandlingStrategy() == null ? FileHandlingStrategy.VOLUME : runner.fileHandlingStrategy(),
                runner.delete() == null || runner.delete(),
                runner.waitForExit() == null || runner.waitForExit(),
                grace);
    }

    private static Long size(String property, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }

    private static Long swap(String text) {
        return text != null && text.strip().equals("-1") ? Long.valueOf(-1) : size("memory.memorySwap", text);
    }

    private static long cpus(double cpus) {
        try {
            return CpuQuantity.nanoCpus(cpus);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cpu.cpus: " + e.getMessage(), e);
        }
    }

    private static PortBinding port(String text) {
        try {
            return PortBinding.parse(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "portBindings: '" + text + "' is not a port binding such as 8080:80 or 127.0.0.1:5432:5432/tcp", e);
        }
    }

    private static Bind volume(String text) {
        try {
            return Bind.parse(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "volumes: '" + text + "' is not a volume such as /host/path:/container/path[:ro]", e);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
