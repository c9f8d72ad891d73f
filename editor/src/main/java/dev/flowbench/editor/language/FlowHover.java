package dev.flowbench.editor.language;

import dev.flowbench.editor.api.Hover;
import dev.flowbench.editor.api.HoverProvider;
import dev.flowbench.editor.language.YamlStructure.Element;
import dev.flowbench.schema.expression.Expressions;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.validation.ValidationContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Explains what the mouse rests on: a key or value (the property's docs), a {@code type:} value (the plugin's
 * docs and, in a flow, the values pluginDefaults give it), a reference inside {@code {{ }}}.
 */
final class FlowHover implements HoverProvider {
    private final AnalysisCache cache;
    private final SchemaResolver resolver;
    private final Supplier<ValidationContext> environment;
    private final EffectiveValues effective;

    FlowHover(AnalysisCache cache, SchemaResolver resolver, Supplier<ValidationContext> environment, boolean flows) {
        this.cache = cache;
        this.resolver = resolver;
        this.environment = environment;
        this.effective = flows ? new EffectiveValues() : null;
    }

    @Override
    public Optional<Hover> hover(String text, int offset) {
        Analysis analysis = cache.of(text);
        YamlStructure structure = analysis.structure();
        int at = Math.clamp(offset, 0, text.length());
        int number = structure.lineOf(at);
        YamlLine line = structure.line(number);
        Optional<Hover> reference = reference(analysis, line, number, at);
        if (reference.isPresent() || line.kind != YamlLine.STRUCTURE || !line.tailIsKey) {
            return reference;
        }
        Element key = new Element(number, line.dashes.length);
        Element holder = structure.parent(key);
        SchemaScope scope = resolver.resolve(structure, structure.chain(holder));
        boolean onKey = at >= line.keyStart && at <= line.keyEnd;
        boolean onValue = line.hasInlineValue() && at >= line.valueStart && at <= line.valueEnd;
        if (!onKey && !onValue) {
            return Optional.empty();
        }
        int start = onKey ? line.keyStart : line.valueStart;
        int end = onKey ? line.keyEnd : line.valueEnd;
        if (onValue && line.key.equals("type")) {
            Optional<Hover> type = type(analysis, scope, structure, holder, line.value(text), start, end);
            if (type.isPresent()) {
                return type;
            }
        }
        JsonNode property = scope.property(line.key);
        if (property == null) {
            return Optional.empty();
        }
        String markdown = Docs.property(line.key, property, scope.required().contains(line.key), scope.plugin());
        if (effective != null && scope.kind() == SchemaScope.Kind.PLUGIN) {
            List<String> path = structure.path(structure.chain(key));
            markdown += effective.forProperty(analysis, environment.get(), path);
        }
        return Optional.of(new Hover(start, end, markdown));
    }

    /** The hover of a {@code type:} value: the plugin, or the plugins a pluginDefaults prefix targets. */
    private Optional<Hover> type(
            Analysis analysis,
            SchemaScope scope,
            YamlStructure structure,
            Element holder,
            String type,
            int start,
            int end) {
        if (scope.kind() == SchemaScope.Kind.DEFAULTS_ENTRY) {
            List<PluginDescriptor> targets = resolver.targets(type);
            if (targets.isEmpty()) {
                return Optional.of(new Hover(start, end, "No installed plugin type is or starts with `" + type + "`."));
            }
            if (targets.size() == 1 && targets.getFirst().id().equals(type)) {
                return Optional.of(new Hover(start, end, Docs.plugin(targets.getFirst())));
            }
            var out = new StringBuilder("**Prefix** `" + type + "` · applies to " + targets.size() + " plugins\n");
            for (PluginDescriptor target : targets) {
                out.append("\n- `").append(target.id()).append("` — ").append(target.title());
            }
            return Optional.of(new Hover(start, end, out.toString()));
        }
        if (scope.kind() != SchemaScope.Kind.PLUGIN) {
            return Optional.empty();
        }
        String markdown = Docs.plugin(scope.plugin());
        if (effective != null) {
            markdown += effective.forInstance(analysis, environment.get(), structure.path(structure.chain(holder)));
        }
        return Optional.of(new Hover(start, end, markdown));
    }

    /** The hover of an {@code inputs.X}, {@code outputs.X} or {@code secret('X')} reference under the offset. */
    private Optional<Hover> reference(Analysis analysis, YamlLine line, int number, int at) {
        if (line.kind != YamlLine.STRUCTURE && line.kind != YamlLine.CONTENT) {
            return Optional.empty();
        }
        String text = analysis.text();
        int from = line.start;
        String lineText = text.substring(from, line.end);
        if (!lineText.contains("{{")) {
            return Optional.empty();
        }
        for (Expressions.Reference reference : Expressions.references(lineText)) {
            int start = from + reference.start();
            int end = from + reference.end();
            if (at < start || at > end) {
                continue;
            }
            String markdown = describe(analysis, reference);
            return markdown == null ? Optional.empty() : Optional.of(new Hover(start, end, markdown));
        }
        return Optional.empty();
    }

    private String describe(Analysis analysis, Expressions.Reference reference) {
        FlowFacts facts = analysis.facts(resolver);
        String name = reference.name();
        return switch (reference.kind()) {
            case INPUTS ->
                facts.inputs().stream()
                        .filter(input -> input.id().equals(name))
                        .findFirst()
                        .map(input -> "**Input** `" + name + "`" + (input.type() == null ? "" : " · " + input.type())
                                + (input.description() == null ? "" : "\n\n" + input.description())
                                + (input.defaults() == null ? "" : "\n\nDefault: `" + input.defaults() + "`"))
                        .orElse("`" + name + "` is not an input of this flow.");
            case OUTPUTS -> {
                FlowFacts.PluginFact task = facts.task(name);
                yield task == null
                        ? "`" + name + "` is not a task of this flow."
                        : "**Outputs of task** `" + name + "`"
                                + (task.plugin() == null
                                        ? ""
                                        : " · " + task.plugin().title())
                                + (task.type() == null ? "" : "\n\n`" + task.type() + "`");
            }
            case VARS -> facts.variables().contains(name) ? "**Variable** `" + name + "` of this flow" : null;
            case SECRET -> {
                ValidationContext context = environment.get();
                String where = context == null || context.environment() == null
                        ? "the current environment"
                        : "environment `" + context.environment() + "`";
                if (context == null || context.secretNames() == null) {
                    yield "**Secret** `" + name + "`, read from " + where + " when the flow runs.";
                }
                yield context.secretNames().contains(name)
                        ? "**Secret** `" + name + "`, defined in " + where + "."
                        : "**Secret** `" + name + "` is not defined in " + where + ".";
            }
        };
    }
}
