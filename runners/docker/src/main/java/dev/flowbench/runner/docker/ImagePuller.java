package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.NameParser;
import dev.flowbench.runner.docker.DockerRunner.PullPolicy;

/**
 * Makes sure the engine has the task's image, following the runner's pull policy.
 *
 * <p>As the Docker CLI does for {@code docker run}, the image is not looked up before each task: the container is
 * created straight away, and only when the engine answers that the image is missing does the policy decide
 * ({@link #provideMissing}). {@code ALWAYS} pulls before the create ({@link #pull}).
 */
final class ImagePuller {

    private ImagePuller() {}

    /**
     * Called when creating a container failed with "not found": pulls {@code image} if it is the missing thing and
     * the policy allows.
     *
     * @return true once the missing image has been pulled, so the create is worth trying again; false when the image
     *     is there after all (the engine missed something else, such as a volume plugin), so the create's own error
     *     stands
     *
     * @throws ImageException with a one-line message when the image is missing and the policy is {@code NEVER}, or
     *     the pull fails; engine failures propagate as docker-java exceptions
     */
    static boolean provideMissing(DockerEngine engine, String image, PullPolicy policy, AuthConfig auth)
            throws InterruptedException {
        if (isPresent(engine.client(), image)) {
            return false;
        }
        if (policy == PullPolicy.NEVER) {
            throw new ImageException("image '" + image + "' is not on the Docker engine at " + engine.address()
                    + " and pullPolicy is NEVER; pull or build it first");
        }
        pull(engine, image, auth);
        return true;
    }

    /**
     * Pulls {@code image}, with {@code auth} when not null.
     *
     * @throws ImageException with a one-line message when the pull fails; an unreachable engine propagates as the
     *     docker-java exception
     */
    static void pull(DockerEngine engine, String image, AuthConfig auth) throws InterruptedException {
        DockerClient client = engine.client();
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
