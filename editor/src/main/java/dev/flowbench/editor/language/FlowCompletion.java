package dev.flowbench.editor.language;

import dev.flowbench.editor.api.CompletionProvider;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.language.YamlStructure.Element;
import tools.jackson.databind.JsonNode;

/**
 * Completion for flow and environment files: locates the caret in the document's structure (which survives
 * half-typed lines) and hands it to the service for that kind of place.
 */
final class FlowCompletion implements CompletionProvider {
    private final AnalysisCache cache;
    private final SchemaResolver resolver;
    private final KeyCompletion keys;
    private final ValueCompletion values;
    private final ExpressionCompletion expressions;

    FlowCompletion(AnalysisCache cache, SchemaResolver resolver, ExpressionCompletion expressions) {
        this.cache = cache;
        this.resolver = resolver;
        this.keys = new KeyCompletion(resolver);
        this.values = new ValueCompletion(resolver);
        this.expressions = expressions;
    }

    @Override
    public CompletionResult complete(String text, int caret) {
        Analysis analysis = cache.of(text);
        YamlStructure structure = analysis.structure();
        Caret at = Caret.locate(structure, caret);
        return switch (at.kind()) {
            case KEY -> keys.complete(structure, at);
            case VALUE -> spaced(values.complete(structure, at), text);
            case ITEM -> item(structure, at);
            case EXPRESSION -> expressions.complete(analysis, at);
            case NONE -> CompletionResult.empty(Math.clamp(caret, 0, text.length()));
        };
    }

    /** A value typed right after its key's colon gets the space YAML needs there. */
    private static CompletionResult spaced(CompletionResult result, String text) {
        int start = result.replaceStart();
        if (start == 0 || text.charAt(start - 1) != ':') {
            return result;
        }
        return new CompletionResult(
                start,
                result.items().stream()
                        .map(item -> item.withInsertText(" " + item.insertText()))
                        .toList());
    }

    /** Just after a dash: keys when the list holds mappings or plugins, else the values its items may take. */
    private CompletionResult item(YamlStructure structure, Caret caret) {
        Element dash = caret.holder();
        Element list = structure.parent(dash);
        SchemaScope listScope = resolver.resolve(structure, structure.chain(list));
        if (listScope.schemas().isEmpty()) {
            return CompletionResult.empty(caret.wordStart());
        }
        JsonNode listSchema = listScope.schemas().getFirst();
        JsonNode items = listSchema.get("items");
        boolean mappings = items != null
                && (SchemaScope.slotOf(items) != null
                        || items.path("type").asString("").equals("object"));
        if (mappings) {
            if (!caret.word().chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return CompletionResult.empty(caret.wordStart());
            }
            return keys.complete(structure, caret);
        }
        return values.completeItem(listSchema, caret);
    }
}
