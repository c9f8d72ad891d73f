package dev.flowbench.schema.validation;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.yaml.YamlDocument;
import dev.flowbench.schema.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Gives each {@link Finding} its range in the document, following the rules of the flow language. */
final class Locator {
    private Locator() {}

    static List<Diagnostic> locate(YamlDocument document, List<Finding> findings) {
        var diagnostics = new ArrayList<Diagnostic>(findings.size());
        for (Finding finding : findings) {
            var data = new LinkedHashMap<String, Object>(finding.data());
            data.put(
                    dev.flowbench.schema.diagnostic.DiagnosticData.POINTER,
                    finding.data()
                            .getOrDefault(
                                    dev.flowbench.schema.diagnostic.DiagnosticData.POINTER,
                                    FlowRules.pointer(finding.path())));
            Range range = range(document, finding, data);
            data.remove("referenceStart");
            data.remove("referenceEnd");
            diagnostics.add(new Diagnostic(range, finding.severity(), finding.code(), finding.message(), null, data));
        }
        return diagnostics;
    }

    private static Range range(YamlDocument document, Finding finding, java.util.Map<String, Object> data) {
        List<String> path = finding.path();
        Optional<YamlNode> exact = document.node(FlowRules.pointer(path));
        if (exact.isEmpty()) {
            // The value came from a default or is missing: point at the closest thing the user wrote.
            for (int i = path.size() - 1; i >= 0; i--) {
                Optional<YamlNode> ancestor = document.node(FlowRules.pointer(path.subList(0, i)));
                if (ancestor.isPresent()) {
                    return owner(document, ancestor.get());
                }
            }
            return document.range(0, 0);
        }
        YamlNode node = exact.get();
        return switch (finding.target()) {
            case KEY -> node.keyOrValueRange();
            case OWNER -> owner(document, node);
            case VALUE -> reference(document, node, data).orElse(node.valueRange());
        };
    }

    /** The key owning an object; for a list item, from the dash to the end of its first key. */
    private static Range owner(YamlDocument document, YamlNode node) {
        Range key = node.keyRange();
        if (key == null) {
            return node.children().isEmpty() ? node.valueRange() : firstKey(node);
        }
        if (node.key() != null) {
            return key;
        }
        List<YamlNode> children = node.children();
        if (!children.isEmpty() && children.getFirst().keyRange() != null) {
            return document.range(
                    key.start().offset(), children.getFirst().keyRange().end().offset());
        }
        return key;
    }

    private static Range firstKey(YamlNode node) {
        return node.children().getFirst().keyOrValueRange();
    }

    /** The range of a reference's name inside a string value, found in the value's own text. */
    private static Optional<Range> reference(YamlDocument document, YamlNode node, java.util.Map<String, Object> data) {
        if (!(data.get("referenceStart") instanceof Integer start)
                || !(data.get("referenceEnd") instanceof Integer end)
                || !(node.value() instanceof String value)) {
            return Optional.empty();
        }
        String name = value.substring(start, end);
        String before = value.substring(Math.max(0, start - 40), start);
        Range range = node.valueRange();
        String source =
                document.text().substring(range.start().offset(), range.end().offset());
        int at = source.indexOf(before + name);
        if (at < 0) {
            at = source.indexOf(name);
        } else {
            at += before.length();
        }
        if (at < 0) {
            return Optional.empty();
        }
        int from = range.start().offset() + at;
        return Optional.of(document.range(from, from + name.length()));
    }
}
