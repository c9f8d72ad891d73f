package dev.flowbench.engine;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Kestra's functions and filters on top of Pebble's core ones ({@code default}, {@code date}, …):
 * {@code secret('NAME')}, {@code read(path)}, {@code now()}, {@code json(text)} / {@code fromJson(text)},
 * and the {@code json} / {@code toJson} filter.
 */
final class FlowbenchExtension extends AbstractExtension {

    /** The context variable holding what functions need; not visible as a flow variable by accident. */
    static final String SCOPE = "__flowbench";

    /** What the functions of one render may use. */
    record Scope(Map<String, String> secrets, List<Path> readableRoots) {}

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "secret", new Secret(),
                "read", new Read(),
                "now", new Now(),
                "json", new FromJson(),
                "fromJson", new FromJson());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("json", new ToJson(), "toJson", new ToJson());
    }

    private static Scope scope(EvaluationContext context) {
        return context.getVariable(SCOPE) instanceof Scope scope ? scope : new Scope(Map.of(), List.of());
    }

    private static PebbleException error(String message, PebbleTemplate self, int line) {
        return new PebbleException(null, message, line, self.getName());
    }

    private static final class Secret implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("name");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object name = args.get("name");
            String value = name == null ? null : scope(context).secrets().get(name.toString());
            if (value == null) {
                throw error("no secret named '" + name + "' in this environment's secrets", self, line);
            }
            return value;
        }
    }

    private static final class Read implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object argument = args.get("path");
            if (argument == null) {
                throw error("read() needs a file path, e.g. read(outputs.task.outputFiles['out.txt'])", self, line);
            }
            Path path = Path.of(argument.toString().replaceFirst("^file://", ""))
                    .toAbsolutePath()
                    .normalize();
            boolean allowed = scope(context).readableRoots().stream()
                    .anyMatch(root -> path.startsWith(root.toAbsolutePath().normalize()));
            if (!allowed) {
                throw error(
                        "read() only reads output files of this execution and files of the workspace, not " + argument,
                        self,
                        line);
            }
            try {
                return Files.readString(path);
            } catch (IOException e) {
                throw error("cannot read " + argument + ": " + e.getMessage(), self, line);
            }
        }
    }

    private static final class Now implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return ZonedDateTime.now();
        }
    }

    private static final class FromJson implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("text");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object text = args.get("text");
            try {
                return text == null ? null : Json.parse(text.toString());
            } catch (IllegalArgumentException e) {
                throw error("json(): " + e.getMessage(), self, line);
            }
        }
    }

    private static final class ToJson implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(
                Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return Json.write(input);
        }
    }
}
