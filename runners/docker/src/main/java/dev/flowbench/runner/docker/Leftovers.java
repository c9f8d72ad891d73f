package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import java.util.List;

/**
 * Finds and removes what earlier runs left on an engine (after a crash, or with {@code delete: false}): stopped
 * containers and unused volumes carrying Flowbench's execution label. Running containers are left alone: they may
 * belong to a run in progress or to a task with {@code wait: false}.
 */
final class Leftovers {

    /** The label every container and volume of a run carries. */
    static final String LABEL = "flowbench.dev/execution";

    private Leftovers() {}

    /** Removes the leftovers; returns how many containers and volumes went. Failures are skipped, not thrown. */
    static int remove(DockerClient client) {
        int removed = 0;
        List<Container> containers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(LABEL))
                .withStatusFilter(List.of("created", "exited", "dead"))
                .exec();
        for (Container container : containers) {
            try {
                client.removeContainerCmd(container.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
                removed++;
            } catch (RuntimeException ignored) {
                // Gone already, or being removed by its own run.
            }
        }
        List<InspectVolumeResponse> volumes = client.listVolumesCmd()
                .withFilter("label", List.of(LABEL))
                .withDanglingFilter(true)
                .exec()
                .getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            try {
                client.removeVolumeCmd(volume.getName()).exec();
                removed++;
            } catch (RuntimeException ignored) {
                // In use by a container that started meanwhile.
            }
        }
        return removed;
    }
}
