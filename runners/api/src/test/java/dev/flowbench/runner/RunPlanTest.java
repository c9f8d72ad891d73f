package dev.flowbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    @Test
    void renderPrintsNestedMapsAndListsAsYaml() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("image", "local/busybox:1");
        spec.put("cmd", List.of("/bin/sh", "-c", "echo hi"));
        spec.put("limits", Map.of("memory", "512Mi"));
        spec.put("empty", List.of());
        String text = RunPlan.of("Docker", "creates a container", spec).render();
        assertThat(text).isEqualTo("""
                        runner: Docker
                        # creates a container
                        image: local/busybox:1
                        cmd:
                          - /bin/sh
                          - -c
                          - "echo hi"
                        limits:
                          memory: 512Mi
                        empty: []
                        """);
    }

    @Test
    void maskedPlanHidesSecretsEverywhere() {
        RunPlan plan = RunPlan.of("X", "uses s3cr3t", Map.of("env", Map.of("TOKEN", "s3cr3t")))
                .masked(SecretMasker.of("s3cr3t"));
        assertThat(plan.render()).doesNotContain("s3cr3t").contains("TOKEN: \"******\"");
    }
}
