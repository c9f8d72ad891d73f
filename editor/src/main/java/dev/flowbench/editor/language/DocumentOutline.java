package dev.flowbench.editor.language;

import dev.flowbench.editor.language.YamlStructure.Element;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds outlines from a document's structure, so they survive syntax errors: a flow with its tasks nested as
 * written (other task lists such as {@code errors} or {@code then} as sections), or an environment with its
 * pluginDefaults entries by level.
 */
final class DocumentOutline {
    private final AnalysisCache cache;
    private final SchemaResolver resolver;

    DocumentOutline(AnalysisCache cache, SchemaResolver resolver) {
        this.cache = cache;
        this.resolver = resolver;
    }

    /** The outline of a flow: one {@link OutlineNode.Kind#FLOW} node. */
    OutlineNode flow(String text) {
        Analysis analysis = cache.of(text);
        YamlStructure structure = analysis.structure();
        List<OutlineNode> children = nodes(structure, analysis.facts(resolver).roots());
        Element id = structure.child(YamlStructure.ROOT, "id");
        String name = structure.childValue(YamlStructure.ROOT, "id");
        return new OutlineNode(
                name == null || name.isBlank() ? "flow" : name,
                OutlineNode.Kind.FLOW,
                structure.childValue(YamlStructure.ROOT, "namespace"),
                structure.range(0, text.length()),
                id == null ? structure.range(0, 0) : valueRange(structure, id),
                children);
    }

    /** The outline of an environment: one {@link OutlineNode.Kind#ENVIRONMENT} node. */
    OutlineNode environment(String text, String name) {
        YamlStructure structure = cache.of(text).structure();
        var children = new ArrayList<OutlineNode>();
        defaults(structure, structure.child(YamlStructure.ROOT, "pluginDefaults"), "instance", children);
        for (String level : List.of("tenants", "namespaces")) {
            Element scopes = structure.child(YamlStructure.ROOT, level);
            if (scopes == null) {
                continue;
            }
            for (Element scope : structure.children(scopes)) {
                String where = (level.equals("tenants") ? "tenant " : "namespace ") + structure.key(scope);
                defaults(structure, structure.child(scope, "pluginDefaults"), where, children);
            }
        }
        return new OutlineNode(
                name,
                OutlineNode.Kind.ENVIRONMENT,
                "",
                structure.range(0, text.length()),
                structure.range(0, 0),
                children);
    }

    private static void defaults(YamlStructure structure, Element list, String level, List<OutlineNode> into) {
        if (list == null) {
            return;
        }
        for (Element entry : structure.children(list)) {
            Element type = structure.child(entry, "type");
            String name = structure.value(type == null ? entry : type);
            into.add(new OutlineNode(
                    name == null || name.isBlank() ? "(no type)" : name,
                    OutlineNode.Kind.DEFAULTS,
                    level,
                    span(structure, entry),
                    type == null ? keyRange(structure, entry) : valueRange(structure, type),
                    List.of()));
        }
    }

    /** Tasks of the section {@code tasks} stay direct children; other lists become section nodes. */
    private static List<OutlineNode> nodes(YamlStructure structure, List<FlowFacts.PluginFact> facts) {
        var direct = new ArrayList<OutlineNode>();
        var sections = new LinkedHashMap<Element, List<OutlineNode>>();
        for (FlowFacts.PluginFact fact : facts) {
            OutlineNode node = node(structure, fact);
            if (fact.section().equals("tasks")) {
                direct.add(node);
            } else {
                sections.computeIfAbsent(structure.parent(fact.item()), k -> new ArrayList<>())
                        .add(node);
            }
        }
        for (Map.Entry<Element, List<OutlineNode>> section : sections.entrySet()) {
            Element key = section.getKey();
            List<OutlineNode> children = section.getValue();
            Range keyRange = keyRange(structure, key);
            direct.add(new OutlineNode(
                    String.valueOf(structure.key(key)),
                    OutlineNode.Kind.SECTION,
                    "",
                    new Range(keyRange.start(), children.getLast().range().end()),
                    keyRange,
                    children));
        }
        direct.sort(java.util.Comparator.comparingInt(n -> n.range().start().offset()));
        return direct;
    }

    private static OutlineNode node(YamlStructure structure, FlowFacts.PluginFact fact) {
        Element id = structure.child(fact.item(), "id");
        String name = fact.id() == null || fact.id().isBlank() ? "(no id)" : fact.id();
        return new OutlineNode(
                name,
                fact.slot() == PluginKind.TRIGGER ? OutlineNode.Kind.TRIGGER : OutlineNode.Kind.TASK,
                fact.type(),
                span(structure, fact.item()),
                id == null ? keyRange(structure, fact.item()) : valueRange(structure, id),
                nodes(structure, fact.children()));
    }

    /** From an element to the end of the last line of its block. */
    private static Range span(YamlStructure structure, Element element) {
        int start = structure.lineStart(element.line()) + structure.column(element);
        int end = structure.line(structure.lastLine(element)).end;
        return structure.range(start, Math.max(start, end));
    }

    private static Range keyRange(YamlStructure structure, Element element) {
        YamlLine line = structure.line(element.line());
        int start = line.start + line.column(element.index());
        int end = line.elementKind(element.index()) == YamlLine.KEY ? line.keyEnd : start + 1;
        return structure.range(start, end);
    }

    private static Range valueRange(YamlStructure structure, Element key) {
        YamlLine line = structure.line(key.line());
        if (line.elementKind(key.index()) != YamlLine.KEY || !line.hasInlineValue()) {
            return keyRange(structure, key);
        }
        return structure.range(line.valueStart, line.valueEnd);
    }
}
