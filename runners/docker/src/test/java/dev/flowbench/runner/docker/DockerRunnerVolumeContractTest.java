package dev.flowbench.runner.docker;

/** The runner contract with files copied through a labelled volume (the default strategy). */
class DockerRunnerVolumeContractTest extends DockerContract {
    DockerRunnerVolumeContractTest() {
        super(DockerRunner.FileHandlingStrategy.VOLUME);
    }
}
