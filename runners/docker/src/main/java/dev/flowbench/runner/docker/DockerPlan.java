package dev.flowbench.runner.docker;

import com.github.dockerjava.api.model.AuthConfig;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.SecretMasker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What the Docker runner would submit for a request, built without contacting any engine. */
final class DockerPlan {

    private DockerPlan() {}

    /** The plan of {@code request} for {@code runner}; secrets of the request and registry passwords are masked. */
    static RunPlan of(DockerRunner runner, RunRequest request) {
        DockerTask task = DockerTask.of(runner, request);
        DockerSettings settings = task.settings();
        String address = DockerEngine.addressOf(settings.host());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("engine", address);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("name", task.spec().image());
        image.put("pullPolicy", settings.pullPolicy().name());
        if (task.auth() != null) {
            image.put("credentials", credentials(task.auth()));
        }
        spec.put("image", image);
        spec.put("createContainer", task.spec().requestBody());
        Map<String, Object> files = new LinkedHashMap<>(task.files().describe());
        files.put("inputFiles", List.copyOf(new TreeSet<>(request.inputFiles().keySet())));
        files.put("outputFiles", request.outputFiles());
        spec.put("files", files);
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put(
                "timeout",
                request.timeout() == null ? "none" : request.timeout().toString());
        lifecycle.put("killGracePeriod", settings.killGracePeriod().toString());
        lifecycle.put("wait", settings.waitForExit());
        lifecycle.put("delete", settings.delete());
        spec.put("lifecycle", lifecycle);
        String summary = "creates a container from " + task.spec().image() + " on the Docker engine at " + address;
        return RunPlan.of("Docker", summary, spec).masked(request.masker());
    }

    /** Who pulls the image; every secret part is masked whether or not it comes from a secret. */
    private static Map<String, Object> credentials(AuthConfig auth) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("registry", auth.getRegistryAddress());
        if (auth.getUsername() != null) {
            shown.put("username", auth.getUsername());
        }
        for (var secret : List.of(
                Map.entry("password", String.valueOf(auth.getPassword())),
                Map.entry("registryToken", String.valueOf(auth.getRegistrytoken())),
                Map.entry("identityToken", String.valueOf(auth.getIdentitytoken())),
                Map.entry("auth", String.valueOf(auth.getAuth())))) {
            if (!secret.getValue().equals("null")) {
                shown.put(secret.getKey(), SecretMasker.MASK);
            }
        }
        return shown;
    }
}
