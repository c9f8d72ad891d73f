package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;

/**
 * Finds and removes what runs of Flowbench processes that have ended left on an engine (after a crash, or with
 * {@code delete: false}): containers and unused volumes carrying Flowbench's execution label whose {@link Owner}
 * is known to be gone.
 *
 * <p>Left alone: anything whose owner may still be running (this process, another Flowbench on this machine, any
 * process on another machine), anything without owner labels (nobody can tell whose it is), and running containers
 * of {@code wait: false} tasks, which were left running on purpose.
 */
final class Leftovers {

    /** The label every container and volume of a run carries. */
    static final String LABEL = "flowbench.dev/execution";

    /** The label of containers a {@code wait: false} task left running on purpose. */
    static final String DETACHED_LABEL = "flowbench.dev/detached";

    private Leftovers() {}

    /** Removes the leftovers; returns how many containers and volumes went. Failures are skipped, not thrown. */
    static int remove(DockerClient client) {
        int removed = 0;
        List<Container> containers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(LABEL))
                .exec();
        for (Container container : containers) {
            if (!isLeftover(container.getLabels(), "running".equals(container.getState()))) {
                continue;
            }
            try {
                client.removeContainerCmd(container.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
                removed++;
            } catch (RuntimeException ignored) {
                // Gone already, or being removed by something else.
            }
        }
        List<InspectVolumeResponse> volumes = client.listVolumesCmd()
                .withFilter("label", List.of(LABEL))
                .withDanglingFilter(true)
                .exec()
                .getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            if (!isLeftover(volume.getLabels(), false)) {
                continue;
            }
            try {
                client.removeVolumeCmd(volume.getName()).exec();
                removed++;
            } catch (RuntimeException ignored) {
                // In use by a container that started meanwhile.
            }
        }
        return removed;
    }

    /** Whether something labelled {@code labels} (running or not) was left by a process known to be gone. */
    static boolean isLeftover(Map<String, String> labels, boolean running) {
        if (running && labels != null && "true".equals(labels.get(DETACHED_LABEL))) {
            return false;
        }
        return Owner.fromLabels(labels).map(Owner::isGone).orElse(false);
    }
}
