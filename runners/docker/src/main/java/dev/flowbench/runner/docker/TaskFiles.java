package dev.flowbench.runner.docker;

import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the task's working and output directories reach the container and come back: through labelled volumes that
 * live and die with the container ({@link VolumeFiles}) or bind mounts ({@link #mounted}).
 *
 * <p>Inside the container the commands always see {@link #WORKING_DIR} and {@link #OUTPUT_DIR}, whatever the
 * strategy, so that a flow renders the same {@code {{ workingDir }}} for both.
 */
interface TaskFiles {

    /** The parent of the task's directories inside the container. */
    String ROOT = "/flowbench";

    /** The commands' working directory inside the container. */
    String WORKING_DIR = ROOT + "/work";

    /** The directory whose files are all output files, inside the container. */
    String OUTPUT_DIR = ROOT + "/output";

    /** The mounts to create the container with. */
    List<Mount> mounts();

    /** Describes the strategy for a plan (JSON-like values). */
    Map<String, Object> describe();

    /** Called once the container exists and before it starts: make the task's files visible in it. */
    default void beforeStart(DockerEngine engine, String containerId) throws Exception {}

    /** Called once the container has exited: bring back files matching the globs and the output directory. */
    default void afterExit(DockerEngine engine, String containerId) throws Exception {}

    /** Bind-mounts the two directories of this machine; the engine must see this machine's file system. */
    static TaskFiles mounted(Path workingDirectory, Path outputDirectory) {
        List<Mount> mounts = List.of(bind(workingDirectory, WORKING_DIR), bind(outputDirectory, OUTPUT_DIR));
        return new TaskFiles() {
            @Override
            public List<Mount> mounts() {
                return mounts;
            }

            @Override
            public Map<String, Object> describe() {
                return Map.of(
                        "strategy",
                        "MOUNT",
                        "mounts",
                        List.of(
                                workingDirectory.toAbsolutePath() + " -> " + WORKING_DIR,
                                outputDirectory.toAbsolutePath() + " -> " + OUTPUT_DIR));
            }
        };
    }

    private static Mount bind(Path source, String target) {
        return new Mount()
                .withType(MountType.BIND)
                .withSource(source.toAbsolutePath().normalize().toString())
                .withTarget(target);
    }
}
