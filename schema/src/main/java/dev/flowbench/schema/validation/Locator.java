package dev.flowbench.schema.validation;

import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.defaults.ValueOrigin;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlDocument;
import dev.flowbench.schema.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives each {@link Finding} its range. A problem with a value written in the flow is reported there; a
 * problem with a value that a pluginDefaults entry supplied is reported at the default (in its own file) and
 * also on the closest thing the flow itself wrote, naming the default.
 */
final class Locator {
    private Locator() {}

    /** Diagnostics for {@code findings} on {@code merged} (null: findings are on {@code document} itself). */
    static List<Diagnostic> locate(YamlDocument document, MergedFlow merged, List<Finding> findings) {
        var diagnostics = new ArrayList<Diagnostic>(findings.size());
        for (Finding finding : findings) {
            String pointer = FlowRules.pointer(finding.path());
            Optional<ValueOrigin> origin = merged == null ? Optional.empty() : merged.origin(pointer);
            if (origin.isEmpty() || origin.get().fromFlow() && origin.get().document() == document) {
                String written = origin.map(ValueOrigin::pointer).orElse(pointer);
                diagnostics.add(diagnostic(document, written, finding, finding.message(), null));
                continue;
            }
            ValueOrigin from = origin.get();
            if (from.document() != null && from.document().node(from.pointer()).isPresent()) {
                diagnostics.add(diagnostic(from.document(), from.pointer(), finding, finding.message(), from.file()));
            }
            if (finding.severity() != dev.flowbench.schema.diagnostic.Severity.ERROR) {
                continue; // only errors are worth pointing at from every task the default reaches
            }
            String owner = flowOwner(document, merged, pointer);
            diagnostics.add(diagnostic(
                    document,
                    owner,
                    new Finding(
                            finding.path(),
                            Finding.Target.OWNER,
                            finding.severity(),
                            finding.code(),
                            finding.message(),
                            finding.data()),
                    finding.message() + " (value from " + from.describe() + ")",
                    null));
        }
        return diagnostics;
    }

    /** The pointer, in the flow's own text, of the closest ancestor of {@code pointer} the flow wrote itself. */
    private static String flowOwner(YamlDocument document, MergedFlow merged, String pointer) {
        for (String at = JsonPointers.parent(pointer); at != null; at = JsonPointers.parent(at)) {
            Optional<ValueOrigin> origin = merged.origin(at);
            if (origin.isPresent()
                    && origin.get().fromFlow()
                    && document.node(origin.get().pointer()).isPresent()) {
                return origin.get().pointer();
            }
        }
        return "";
    }

    private static Diagnostic diagnostic(
            YamlDocument document, String pointer, Finding finding, String message, String source) {
        var data = new LinkedHashMap<String, Object>(finding.data());
        data.putIfAbsent(DiagnosticData.POINTER, pointer);
        Range range = range(document, pointer, finding.target(), data);
        data.remove("referenceStart");
        data.remove("referenceEnd");
        return new Diagnostic(range, finding.severity(), finding.code(), message, source, data);
    }

    private static Range range(YamlDocument document, String pointer, Finding.Target target, Map<String, Object> data) {
        Optional<YamlNode> exact = document.node(pointer);
        if (exact.isEmpty()) {
            // Missing from the text (a value from a default, or a key not written): point at the closest thing.
            for (String at = JsonPointers.parent(pointer); at != null; at = JsonPointers.parent(at)) {
                Optional<YamlNode> ancestor = document.node(at);
                if (ancestor.isPresent()) {
                    return owner(document, ancestor.get());
                }
            }
            return document.range(0, 0);
        }
        YamlNode node = exact.get();
        return switch (target) {
            case KEY -> node.keyOrValueRange();
            case OWNER -> owner(document, node);
            case VALUE -> reference(document, node, data).orElse(node.valueRange());
        };
    }

    /** The key owning an object; for a list item, from the dash to the end of its first key. */
    private static Range owner(YamlDocument document, YamlNode node) {
        Range key = node.keyRange();
        List<YamlNode> children = node.children();
        if (key == null) {
            return children.isEmpty() ? node.valueRange() : children.getFirst().keyOrValueRange();
        }
        if (node.key() != null) {
            return key;
        }
        if (!children.isEmpty() && children.getFirst().keyRange() != null) {
            return document.range(
                    key.start().offset(), children.getFirst().keyRange().end().offset());
        }
        return key;
    }

    /** The range of a reference's name inside a string value, found in the value's own text. */
    private static Optional<Range> reference(YamlDocument document, YamlNode node, Map<String, Object> data) {
        if (!(data.get("referenceStart") instanceof Integer start)
                || !(data.get("referenceEnd") instanceof Integer end)
                || !(node.value() instanceof String value)
                || end > value.length()) {
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
