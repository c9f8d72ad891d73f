package dev.flowbench.runner.docker;

import com.github.dockerjava.api.model.AuthConfig;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskIdentity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request translated for Docker: the validated settings, the container spec, the file strategy and the pull
 * credentials. Building it contacts nothing, so the plan and the run share it.
 *
 * @param settings the runner's resolved configuration
 * @param spec what the container is created with
 * @param files how the task's files reach the container
 * @param auth the pull credentials, or null
 */
record DockerTask(DockerSettings settings, ContainerSpec spec, TaskFiles files, AuthConfig auth) {

    /**
     * The translation of {@code request} for {@code runner}; never null.
     *
     * @throws RunnerException with one line for the user when the task has no image or a property is invalid
     */
    static DockerTask of(DockerRunner runner, RunRequest request) {
        String image = request.containerImage();
        if (image == null || image.isBlank()) {
            throw new RunnerException("the Docker runner needs containerImage on the task");
        }
        try {
            DockerSettings settings = DockerSettings.of(runner);
            AuthConfig auth = RegistryAuth.forImage(image.strip(), runner.credentials(), runner.config());
            Map<String, String> labels = labels(request.identity(), settings);
            TaskFiles files = settings.fileHandling() == DockerRunner.FileHandlingStrategy.MOUNT
                    ? TaskFiles.mounted(request.workingDirectory(), request.outputDirectory())
                    : new VolumeFiles(
                            settings.user() != null,
                            labels,
                            request.workingDirectory(),
                            request.outputDirectory(),
                            request.outputFiles());
            ContainerSpec spec = new ContainerSpec(
                    image.strip(),
                    request.command().argv(),
                    request.env(),
                    labels,
                    TaskFiles.WORKING_DIR,
                    files.mounts(),
                    settings);
            return new DockerTask(settings, spec, files, auth);
        } catch (IllegalArgumentException e) {
            throw new RunnerException(request.masker().mask("Docker runner: " + e.getMessage()), e);
        }
    }

    /**
     * The labels of the container and its volumes: the run's identity, the process that owns them (so that a later
     * start can tell a crashed run's leftovers from a live run's), and whether it is left running on purpose.
     */
    private static Map<String, String> labels(TaskIdentity identity, DockerSettings settings) {
        Map<String, String> labels = new LinkedHashMap<>(identity.labels());
        labels.putAll(Owner.current().labels());
        if (!settings.waitForExit()) {
            labels.put(Leftovers.DETACHED_LABEL, "true");
        }
        return labels;
    }
}
