package dev.flowbench.schema.docs;

import java.util.stream.Collectors;

/** Renders a {@link PluginDocs} page as GitHub-flavoured markdown. */
public final class MarkdownDocsRenderer {
    private MarkdownDocsRenderer() {}

    /** The page as markdown; never null. */
    public static String render(PluginDocs docs) {
        var out = new StringBuilder();
        out.append("# ").append(docs.title()).append("\n\n");
        out.append("`type: ").append(docs.type()).append("` — ").append(docs.kind());
        out.append(" (").append(docs.origin()).append(")\n\n");
        if (!docs.deprecated().isEmpty()) {
            out.append("> **Deprecated:** ").append(docs.deprecated()).append("\n\n");
        }
        if (!docs.aliases().isEmpty()) {
            out.append("Also known as: ")
                    .append(docs.aliases().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", ")))
                    .append("\n\n");
        }
        out.append(docs.description().strip()).append("\n\n");
        out.append("## Properties\n\n");
        out.append("| Property | Type | Default | Required | Dynamic | Description |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (PropertyDoc p : docs.properties()) {
            out.append("| `").append(p.name()).append("` | ").append(p.type()).append(" | ");
            out.append(p.defaultValue().isEmpty() ? "" : "`" + cell(p.defaultValue()) + "`")
                    .append(" | ");
            out.append(p.required() ? "yes" : "").append(" | ");
            out.append(p.dynamic() ? "yes" : "").append(" | ");
            out.append(cell(describe(p))).append(" |\n");
        }
        for (PluginDocs.ExampleDoc example : docs.examples()) {
            out.append("\n## Example: ").append(example.title()).append("\n\n```yaml\n");
            out.append(example.code().stripTrailing()).append("\n```\n");
        }
        return out.toString();
    }

    private static String describe(PropertyDoc p) {
        var text = new StringBuilder(p.description());
        if (!p.enumValues().isEmpty()) {
            text.append(" One of: ")
                    .append(p.enumValues().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (!p.patternHint().isEmpty()) {
            text.append(" Format: ").append(p.patternHint()).append('.');
        }
        if (!p.replacedBy().isEmpty()) {
            text.append(" **Deprecated**, use `").append(p.replacedBy()).append("`.");
        }
        return text.toString().strip();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
