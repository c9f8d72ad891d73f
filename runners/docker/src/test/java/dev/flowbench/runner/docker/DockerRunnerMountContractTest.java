package dev.flowbench.runner.docker;

/** The runner contract with the working and output directories bind-mounted from this machine. */
class DockerRunnerMountContractTest extends DockerContract {
    DockerRunnerMountContractTest() {
        super(DockerRunner.FileHandlingStrategy.MOUNT);
    }
}
