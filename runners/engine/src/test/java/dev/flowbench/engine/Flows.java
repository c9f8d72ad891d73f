package dev.flowbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Test helper: flows from YAML text or from the example workspace, as the engine's JSON-like maps. */
final class Flows {

    private Flows() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    /** The example workspace shipped in assets. */
    static Path exampleWorkspace() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("assets/workspace");
            if (Files.isDirectory(candidate.resolve("flows"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("assets/workspace not found above " + here);
    }

    static FlowRun example(String fileName) throws IOException {
        String source = Files.readString(exampleWorkspace().resolve("flows").resolve(fileName));
        return FlowRun.of(parse(source)).withSource(source);
    }
}
