package dev.flowbench.editor.language;

import dev.flowbench.editor.api.DocLink;
import dev.flowbench.editor.api.DocLinkProvider;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.registry.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every {@code type:} value naming an installed plugin (by id or alias) and links it to that plugin's
 * docs. One pass over the lines, so it is cheap enough to run after every keystroke.
 */
final class TypeLinks implements DocLinkProvider {
    private final AnalysisCache cache;
    private final PluginRegistry registry;

    TypeLinks(AnalysisCache cache, PluginRegistry registry) {
        this.cache = cache;
        this.registry = registry;
    }

    @Override
    public List<DocLink> docLinks(String text) {
        YamlStructure structure = cache.of(text).structure();
        var links = new ArrayList<DocLink>();
        for (int i = 0; i < structure.lineCount(); i++) {
            YamlLine line = structure.line(i);
            if (line.kind != YamlLine.STRUCTURE || !line.tailIsKey || !"type".equals(line.key)) {
                continue;
            }
            String value = line.value(text);
            if (value == null || value.isEmpty()) {
                continue;
            }
            PluginDescriptor plugin = registry.find(value).orElse(null);
            if (plugin != null) {
                int start = line.valueStart;
                int end = line.valueEnd;
                char first = text.charAt(start);
                if ((first == '"' || first == '\'') && end - start >= 2) {
                    start++;
                    end--; // the link covers the name, not its quotes
                }
                links.add(new DocLink(start, end, plugin.id()));
            }
        }
        return links;
    }
}
