package dev.flowbench.editor.language;

import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Everything computed about one text, each part on first use and then kept: its structure (cheap, one pass),
 * its flow facts, its parsed YAML (reusing what an earlier version's parse read of the untouched parts) and its
 * diagnostics (expensive; computed once per text and environment).
 * Thread-safe: the structure and the facts are computed once, a second caller waiting for the first (the
 * language server prepares them while it validates); the parse, merge and diagnostics may be computed twice
 * by concurrent first uses, but every caller sees a complete value.
 */
final class Analysis {
    private final String text;
    private volatile YamlStructure structure;
    /** An earlier version's analysis whose untouched parts this one may reuse; dropped once parsed. */
    private volatile Analysis earlier;
    /** The earlier version's merge, kept from {@link #earlier} for the first merge of this text. */
    private volatile Merged earlierMerged;

    private volatile FlowFacts facts;
    private volatile YamlDocument document;
    private volatile Validated validated;
    private volatile Merged merged;

    /** Diagnostics and the environment they were computed for. */
    private record Validated(ValidationContext context, List<Diagnostic> diagnostics) {}

    /** The flow with pluginDefaults applied and the environment it was computed for. */
    private record Merged(ValidationContext context, MergedFlow flow) {}

    /** The analysis of {@code text}; {@code earlier} is a recent analysis (or null), likely an earlier version. */
    Analysis(String text, Analysis earlier) {
        this.text = text;
        this.earlier = earlier;
    }

    String text() {
        return text;
    }

    /** The text's line structure; read on first use. */
    YamlStructure structure() {
        YamlStructure current = structure;
        if (current == null) {
            synchronized (this) {
                current = structure;
                if (current == null) {
                    current = YamlStructure.of(text);
                    structure = current;
                }
            }
        }
        return current;
    }

    /** The parse if it was already made, else null. */
    YamlDocument documentIfReady() {
        return document;
    }

    FlowFacts facts(SchemaResolver resolver) {
        FlowFacts current = facts;
        if (current == null) {
            synchronized (this) {
                current = facts;
                if (current == null) {
                    current = FlowFacts.of(structure(), resolver);
                    facts = current;
                }
            }
        }
        return current;
    }

    /** The text parsed as YAML (positions and values); parsed on first use. */
    YamlDocument document() {
        YamlDocument current = document;
        if (current == null) {
            Analysis before = earlier;
            current = YamlDocument.parse(text, before == null ? null : before.document);
            if (before != null) {
                earlierMerged = before.merged; // kept alone, so that analyses do not chain up in memory
            }
            document = current;
            earlier = null;
        }
        return current;
    }

    /** The diagnostics {@code validate} gives for {@code context}, computed once per context. */
    List<Diagnostic> diagnostics(
            ValidationContext context, BiFunction<YamlDocument, ValidationContext, List<Diagnostic>> validate) {
        Validated current = validated;
        if (current == null || !java.util.Objects.equals(current.context(), context)) {
            current = new Validated(context, validate.apply(document(), context));
            validated = current;
        }
        return current.diagnostics();
    }

    /** The merged flow if {@link #merged} already computed it for {@code context}, else null. */
    MergedFlow mergedIfReady(ValidationContext context) {
        Merged current = merged;
        return current != null && current.context().equals(context) ? current.flow() : null;
    }

    /** The flow merged with its own and {@code context}'s pluginDefaults, computed once per context. */
    MergedFlow merged(ValidationContext context) {
        Merged current = merged;
        if (current == null || !current.context().equals(context)) {
            YamlDocument parsed = document();
            Merged before = earlierMerged;
            earlierMerged = null;
            MergedFlow reusable = before != null && before.context().equals(context) ? before.flow() : null;
            current = new Merged(context, context.merge(parsed, reusable));
            merged = current;
        }
        return current.flow();
    }
}
