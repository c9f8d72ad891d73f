package dev.flowbench.schema.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded mutations of real flows, shared by the fuzz tests of the parser, validation and the editor services:
 * deleted and duplicated lines and characters, swapped indentation, tabs, truncation, and inserted YAML and
 * expression syntax and control characters.
 */
public final class FlowMutator {
    public static final String[] INSERTS = {
        "{{",
        "{{ inputs.name }}",
        "}}",
        "*alias",
        "*runner",
        "&anchor",
        "&a ",
        ": ",
        ":",
        "- ",
        "? ",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "'",
        "|",
        ">-",
        "#",
        "---\n",
        "...\n",
        "<<: *runner\n",
        "!!str ",
        "!custom ",
        "%YAML 1.2\n",
        "\t",
        "\u0000",
        "\u0007",
        "\u001b",
        "\u007f",
        "\u0085",
        "\ud800",
        "\ufeff",
        "😀",
        "\r",
        "\n",
        "  ",
        ","
    };

    private FlowMutator() {}

    public static String mutate(String text, Random random) {
        String result = text;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            result = mutateOnce(result, random);
        }
        return result;
    }

    public static String mutateOnce(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        int offset = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return switch (random.nextInt(10)) {
            case 0 -> {
                lines.remove(line);
                yield String.join("\n", lines);
            }
            case 1 -> {
                lines.add(line, lines.get(line));
                yield String.join("\n", lines);
            }
            case 2 -> offset < text.length() ? text.substring(0, offset) + text.substring(offset + 1) : text;
            case 3 -> offset < text.length() ? text.substring(0, offset + 1) + text.substring(offset) : text;
            case 4 -> {
                int other = random.nextInt(lines.size());
                String a = lines.get(line);
                String b = lines.get(other);
                lines.set(line, indentation(b) + a.strip());
                lines.set(other, indentation(a) + b.strip());
                yield String.join("\n", lines);
            }
            case 5 -> {
                String current = lines.get(line);
                int at = random.nextBoolean() ? 0 : random.nextInt(current.length() + 1);
                lines.set(line, current.substring(0, at) + "\t" + current.substring(at));
                yield String.join("\n", lines);
            }
            case 6 -> text.substring(0, offset);
            default -> {
                String insert = INSERTS[random.nextInt(INSERTS.length)];
                yield text.substring(0, offset) + insert + text.substring(offset);
            }
        };
    }

    public static String indentation(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    /** Sometimes flips bytes to exercise the encoding checks; usually leaves them alone. */
    public static byte[] corrupt(byte[] bytes, Random random) {
        if (bytes.length > 0 && random.nextInt(3) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return bytes;
    }

    public static List<String> corpus() throws IOException {
        List<String> corpus = new ArrayList<>();
        Path workspace = Path.of("..", "assets", "workspace");
        for (String folder : List.of("flows", "environments")) {
            try (Stream<Path> files = Files.list(workspace.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    corpus.add(Files.readString(file));
                }
            }
        }
        for (String resource : List.of("seed-blocks.yaml", "nested-flow.yaml")) {
            try (InputStream in = FlowMutator.class.getResourceAsStream("/yaml-corpus/" + resource)) {
                corpus.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (String sample : corpus) {
            assertThat(YamlDocument.parse(sample).diagnostics())
                    .as("the unmutated corpus is valid")
                    .isEmpty();
        }
        return corpus;
    }
}
