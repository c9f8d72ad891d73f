package dev.flowbench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a pod's status and says, in one line for the user, why it cannot run or why it stopped. */
final class PodProblems {

    /** Waiting reasons that will not resolve by waiting longer. */
    private static final Set<String> FATAL_WAITING = Set.of(
            "ErrImagePull",
            "ImagePullBackOff",
            "InvalidImageName",
            "ErrImageNeverPull",
            "CreateContainerConfigError",
            "CreateContainerError",
            "RunContainerError");

    private PodProblems() {}

    /** Why the pod can never run, or null while it still may: image pull errors, failed init, pod failure. */
    static String fatal(Pod pod) {
        for (ContainerStatus status : allStatuses(pod)) {
            ContainerStateWaiting waiting =
                    status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && FATAL_WAITING.contains(waiting.getReason())) {
                return waitingMessage(status, waiting);
            }
        }
        for (ContainerStatus status :
                list(pod.getStatus() == null ? null : pod.getStatus().getInitContainerStatuses())) {
            ContainerStateTerminated terminated = terminated(status);
            if (terminated != null && terminated.getExitCode() != null && terminated.getExitCode() != 0) {
                return "init container " + status.getName() + " failed with exit code " + terminated.getExitCode()
                        + detail(terminated.getReason(), terminated.getMessage());
            }
        }
        if (pod.getStatus() != null && "Failed".equals(pod.getStatus().getPhase())) {
            return podFailure(pod);
        }
        return null;
    }

    /** Why a pod that failed as a whole (evicted, deadline exceeded…) stopped; never null. */
    static String podFailure(Pod pod) {
        String reason = pod.getStatus() == null ? null : pod.getStatus().getReason();
        String message = pod.getStatus() == null ? null : pod.getStatus().getMessage();
        if ("Evicted".equals(reason)) {
            return "the pod was evicted from its node" + detail(null, message);
        }
        if ("DeadlineExceeded".equals(reason)) {
            Long deadline = pod.getSpec() == null ? null : pod.getSpec().getActiveDeadlineSeconds();
            return "the pod exceeded its deadline" + (deadline == null ? "" : " of " + deadline + "s")
                    + " (activeDeadlineSeconds) and was stopped" + detail(null, message);
        }
        return "the pod failed" + detail(reason, message);
    }

    /** Why a pod is still not running, for the message when {@code waitUntilRunning} runs out; never null. */
    static String pending(Pod pod) {
        if (pod.getStatus() != null) {
            for (PodCondition condition : list(pod.getStatus().getConditions())) {
                if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                    return "it could not be scheduled" + detail(condition.getReason(), condition.getMessage());
                }
            }
        }
        for (ContainerStatus status : allStatuses(pod)) {
            ContainerStateWaiting waiting =
                    status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && waiting.getReason() != null) {
                return "container " + status.getName() + " is waiting"
                        + detail(waiting.getReason(), waiting.getMessage());
            }
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "it is still " + (phase == null ? "Pending" : phase);
    }

    /** The terminated state of {@code container}, or null while it has not terminated. */
    static ContainerStateTerminated terminated(Pod pod, String container) {
        return terminated(status(pod, container));
    }

    /** Whether {@code container} has started (it is running or has terminated). */
    static boolean started(Pod pod, String container) {
        ContainerStatus status = status(pod, container);
        return status != null
                && status.getState() != null
                && (status.getState().getRunning() != null || status.getState().getTerminated() != null);
    }

    /** The status of one regular container, or null. */
    static ContainerStatus status(Pod pod, String container) {
        if (pod == null || pod.getStatus() == null) {
            return null;
        }
        for (ContainerStatus status : list(pod.getStatus().getContainerStatuses())) {
            if (container.equals(status.getName())) {
                return status;
            }
        }
        return null;
    }

    private static ContainerStateTerminated terminated(ContainerStatus status) {
        return status == null || status.getState() == null
                ? null
                : status.getState().getTerminated();
    }

    private static String waitingMessage(ContainerStatus status, ContainerStateWaiting waiting) {
        String reason = waiting.getReason();
        String image = status.getImage();
        if (reason.equals("ErrImagePull") || reason.equals("ImagePullBackOff")) {
            return "cannot pull image '" + image + "' for container " + status.getName()
                    + detail(reason, waiting.getMessage());
        }
        if (reason.equals("ErrImageNeverPull")) {
            return "image '" + image + "' is not on the node and pullPolicy is NEVER"
                    + detail(reason, waiting.getMessage());
        }
        if (reason.equals("InvalidImageName")) {
            return "'" + image + "' is not a valid image name" + detail(reason, waiting.getMessage());
        }
        return "container " + status.getName() + " cannot start" + detail(reason, waiting.getMessage());
    }

    private static List<ContainerStatus> allStatuses(Pod pod) {
        List<ContainerStatus> all = new ArrayList<>();
        if (pod.getStatus() != null) {
            all.addAll(list(pod.getStatus().getInitContainerStatuses()));
            all.addAll(list(pod.getStatus().getContainerStatuses()));
        }
        return all;
    }

    private static String detail(String reason, String message) {
        boolean hasReason = reason != null && !reason.isBlank();
        boolean hasMessage = message != null && !message.isBlank();
        if (!hasReason && !hasMessage) {
            return "";
        }
        if (!hasMessage) {
            return " (" + reason + ")";
        }
        return hasReason ? " (" + reason + "): " + message.strip() : ": " + message.strip();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
