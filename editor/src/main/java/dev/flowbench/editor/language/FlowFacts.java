package dev.flowbench.editor.language;

import dev.flowbench.editor.language.YamlStructure.Element;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What expressions can refer to in a flow, read from its structure (so it works on broken documents): inputs,
 * variables and every plugin instance in a task or trigger list, nested ones included, in document order.
 */
final class FlowFacts {
    /** A flow input. */
    record InputFact(String id, String type, String description, String defaults) {}

    /**
     * A task or trigger.
     *
     * @param id its id, or null when not written yet
     * @param type its type as written, or null
     * @param plugin the installed plugin, or null
     * @param item its list dash
     * @param firstLine the line of its dash
     * @param lastLine its last line with content
     * @param section the key of the list holding it ({@code tasks}, {@code errors}, {@code then}, …)
     * @param children the plugin instances of its own task lists
     */
    record PluginFact(
            String id,
            String type,
            PluginDescriptor plugin,
            PluginKind slot,
            Element item,
            int firstLine,
            int lastLine,
            String section,
            List<PluginFact> children) {
        boolean contains(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }

    private final List<InputFact> inputs;
    private final List<String> variables;
    private final List<PluginFact> roots;
    private final List<PluginFact> all;

    private FlowFacts(List<InputFact> inputs, List<String> variables, List<PluginFact> roots, List<PluginFact> all) {
        this.inputs = inputs;
        this.variables = variables;
        this.roots = roots;
        this.all = all;
    }

    /** Reads the facts of the document of {@code structure}. */
    static FlowFacts of(YamlStructure structure, SchemaResolver resolver) {
        var inputs = new ArrayList<InputFact>();
        var variables = new ArrayList<String>();
        var roots = new ArrayList<PluginFact>();
        var all = new ArrayList<PluginFact>();
        SchemaScope document = resolver.resolve(structure, List.of());
        for (Element key : structure.children(YamlStructure.ROOT)) {
            String name = structure.key(key);
            if (name == null) {
                continue;
            }
            switch (name) {
                case "inputs" -> readInputs(structure, key, inputs);
                case "variables" -> {
                    for (Element variable : structure.children(key)) {
                        if (structure.key(variable) != null) {
                            variables.add(structure.key(variable));
                        }
                    }
                }
                default -> {
                    SchemaScope scope = resolver.step(structure, document, YamlStructure.ROOT, key);
                    readPlugins(structure, resolver, key, scope, name, roots, all);
                }
            }
        }
        return new FlowFacts(List.copyOf(inputs), List.copyOf(variables), List.copyOf(roots), List.copyOf(all));
    }

    private static void readInputs(YamlStructure structure, Element list, List<InputFact> inputs) {
        for (Element item : structure.children(list)) {
            String id = structure.childValue(item, "id");
            if (id != null && !id.isBlank()) {
                inputs.add(new InputFact(
                        id,
                        structure.childValue(item, "type"),
                        structure.childValue(item, "description"),
                        structure.childValue(item, "defaults")));
            }
        }
    }

    /** Reads the plugin instances of a list of plugins at {@code list}, if its scope is one. */
    private static void readPlugins(
            YamlStructure structure,
            SchemaResolver resolver,
            Element list,
            SchemaScope scope,
            String section,
            List<PluginFact> into,
            List<PluginFact> all) {
        if (scope.schemas().isEmpty()) {
            return;
        }
        PluginKind slot = SchemaScope.slotOf(scope.schemas().getFirst().get("items"));
        if (slot == null) {
            return;
        }
        List<Element> items = structure.children(list);
        for (int index = 0; index < items.size(); index++) {
            Element item = items.get(index);
            if (structure.kind(item) != YamlLine.DASH) {
                continue;
            }
            // the index is known here; asking the structure would count the items above, for each item
            SchemaScope itemScope = resolver.step(structure, scope, list, item, String.valueOf(index));
            var children = new ArrayList<PluginFact>();
            int position = all.size();
            all.add(null); // keeps document order: the parent before its children
            String id = null;
            String type = null;
            for (Element key : structure.children(item)) {
                String name = structure.key(key);
                if (name == null) {
                    continue;
                }
                switch (name) {
                    case "id" -> id = structure.value(key);
                    case "type" -> type = structure.value(key);
                    default -> {
                        if (itemScope.kind() == SchemaScope.Kind.PLUGIN) {
                            SchemaScope child = resolver.step(structure, itemScope, item, key, name);
                            readPlugins(structure, resolver, key, child, name, children, all);
                        }
                    }
                }
            }
            PluginFact fact = new PluginFact(
                    id,
                    type,
                    itemScope.plugin(),
                    slot,
                    item,
                    item.line(),
                    structure.lastLine(item),
                    section,
                    List.copyOf(children));
            all.set(position, fact);
            into.add(fact);
        }
    }

    List<InputFact> inputs() {
        return inputs;
    }

    List<String> variables() {
        return variables;
    }

    /** The top-level plugin instances, each with its nested ones. */
    List<PluginFact> roots() {
        return roots;
    }

    /** Every plugin instance in document order. */
    List<PluginFact> all() {
        return all;
    }

    /** The innermost task whose lines contain {@code line}, or null. */
    PluginFact taskAt(int line) {
        PluginFact found = null;
        for (PluginFact fact : all) {
            if (fact.slot() == PluginKind.TASK && fact.contains(line)) {
                found = fact; // later in document order = nested deeper
            }
        }
        return found;
    }

    /** The task with this id, or null. */
    PluginFact task(String id) {
        for (PluginFact fact : all) {
            if (fact.slot() == PluginKind.TASK && id.equals(fact.id())) {
                return fact;
            }
        }
        return null;
    }
}
