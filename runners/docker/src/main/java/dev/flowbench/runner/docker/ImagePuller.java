package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.NameParser;
import dev.flowbench.runner.docker.DockerRunner.PullPolicy;

/** Makes sure the engine has the task's image, following the runner's pull policy. */
final class ImagePuller {

    private ImagePuller() {}

    /**
     * Returns once the engine has {@code image}: pulls it when the policy is {@code ALWAYS}, or {@code IF_NOT_PRESENT}
     * and it is missing.
     *
     * @throws ImageException with a one-line message when the image is missing and may not be pulled, or the pull
     *     fails; engine failures propagate as docker-java exceptions
     */
    static void ensure(DockerEngine engine, String image, PullPolicy policy, AuthConfig auth)
            throws InterruptedException {
        DockerClient client = engine.client();
        if (policy != PullPolicy.ALWAYS && isPresent(client, image)) {
            return;
        }
        if (policy == PullPolicy.NEVER) {
            throw new ImageException("image '" + image + "' is not on the Docker engine at " + engine.address()
                    + " and pullPolicy is NEVER; pull or build it first");
        }
        PullImageCmd pull;
        if (image.contains("@")) {
            pull = client.pullImageCmd(image);
        } else {
            NameParser.ReposTag ref = NameParser.parseRepositoryTag(image);
            pull = client.pullImageCmd(ref.repos).withTag(ref.tag.isEmpty() ? "latest" : ref.tag);
        }
        if (auth != null) {
            pull.withAuthConfig(auth);
        }
        try {
            pull.exec(new PullImageResultCallback()).awaitCompletion();
        } catch (RuntimeException e) {
            if (DockerEngine.isUnreachable(e)) {
                throw e;
            }
            throw new ImageException("cannot pull image '" + image + "': " + DockerEngine.engineMessage(e), e);
        }
    }

    private static boolean isPresent(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The image is missing and may not, or could not, be pulled; the message is one line for the user. */
    static final class ImageException extends RuntimeException {
        ImageException(String message) {
            super(message);
        }

        ImageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
