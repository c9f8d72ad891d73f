package dev.flowbench.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a runner needs to run one task attempt; all values are already rendered (no {@code {{ }}} left).
 *
 * @param identity which task attempt this is
 * @param command the interpreter and script to run
 * @param env environment variables for the commands (on top of the runner's own defaults)
 * @param workingDirectory a directory on this machine, existing and empty or shared with sibling tasks; the
 *     commands run in it (or in a copy of it, for runners that move files)
 * @param outputDirectory a directory on this machine; every file the commands write there is an output file
 * @param inputFiles files to create in the working directory before the run: relative name to content
 * @param outputFiles globs, relative to the working directory, of files to collect after the run
 * @param containerImage the task's container image, or null when the task names none
 * @param timeout the maximum run time, or null for none
 * @param masker masks the secret values of this run; runners use it for everything they print themselves
 */
public record RunRequest(
        TaskIdentity identity,
        RunCommand command,
        Map<String, String> env,
        Path workingDirectory,
        Path outputDirectory,
        Map<String, String> inputFiles,
        List<String> outputFiles,
        String containerImage,
        Duration timeout,
        SecretMasker masker) {

    public RunRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        env = Map.copyOf(env == null ? Map.of() : env);
        inputFiles = Map.copyOf(inputFiles == null ? Map.of() : inputFiles);
        outputFiles = List.copyOf(outputFiles == null ? List.of() : outputFiles);
        masker = masker == null ? SecretMasker.NONE : masker;
    }

    /** A request with only the essentials; add the rest with the {@code with…} methods. */
    public static RunRequest of(
            TaskIdentity identity, RunCommand command, Path workingDirectory, Path outputDirectory) {
        return new RunRequest(
                identity, command, Map.of(), workingDirectory, outputDirectory, Map.of(), List.of(), null, null, null);
    }

    /** This request with {@code env} as its environment variables. */
    public RunRequest withEnv(Map<String, String> env) {
        return new RunRequest(
                identity,
                command,
                env,
                workingDirectory,
                outputDirectory,
                inputFiles,
                outputFiles,
                containerImage,
                timeout,
                masker);
    }

    /** This request with one more environment variable. */
    public RunRequest withEnv(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(name, value);
        return withEnv(copy);
    }

    /** This request with another command. */
    public RunRequest withCommand(RunCommand command) {
        return new RunRequest(
                identity,
                command,
                env,
                workingDirectory,
                outputDirectory,
                inputFiles,
                outputFiles,
                containerImage,
                timeout,
                masker);
    }

    /** This request with these input files (name to content). */
    public RunRequest withInputFiles(Map<String, String> inputFiles) {
        return new RunRequest(
                identity,
                command,
                env,
                workingDirectory,
                outputDirectory,
                inputFiles,
                outputFiles,
                containerImage,
                timeout,
                masker);
    }

    /** This request with these output-file globs. */
    public RunRequest withOutputFiles(List<String> outputFiles) {
        return new RunRequest(
                identity,
                command,
                env,
                workingDirectory,
                outputDirectory,
                inputFiles,
                outputFiles,
                containerImage,
                timeout,
                masker);
    }

    /** This request with this container image (null for none). */
    public RunRequest withContainerImage(String containerImage) {
        return new RunRequest(
                identity,
                command,
                env,
                workingDirectory,
                outputDirectory,
                inputFiles,
                outputFiles,
                containerImage,
                timeout,
                masker);
    }

    /** This request with this timeout (null for none). */
    public RunRequest withTimeout(Duration timeout) {
        return new RunRequest(
                identity,
                command,
                env,
                workingDirectory,
                outputDirectory,
                inputFiles,
                outputFiles,
                containerImage,
                timeout,
                masker);
    }

    /** This request with this masker. */
    public RunRequest withMasker(SecretMasker masker) {
        return new RunRequest(
                identity,
                command,
                env,
                workingDirectory,
                outputDirectory,
                inputFiles,
                outputFiles,
                containerImage,
                timeout,
                masker);
    }
}
