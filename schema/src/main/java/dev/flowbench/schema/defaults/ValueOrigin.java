package dev.flowbench.schema.defaults;

import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.yaml.YamlDocument;
import dev.flowbench.schema.yaml.YamlNode;
import java.util.Optional;

/**
 * Where one value of a merged configuration was written: in the flow itself, or in a pluginDefaults entry of
 * the flow or an environment file.
 *
 * @param entry the default that supplied the value; null when the flow itself wrote it
 * @param document the file the value is written in; null only for entries not read from a file
 * @param pointer the value's JSON pointer in {@code document} (it differs from the merged pointer: a default's
 *     value sits under {@code /pluginDefaults/n/values}, and concatenated list items shift)
 */
public record ValueOrigin(DefaultEntry entry, YamlDocument document, String pointer) {
    /** Whether the flow itself wrote the value (not a default). */
    public boolean fromFlow() {
        return entry == null;
    }

    /** The workspace-relative file of the default that supplied the value; null for the flow being read. */
    public String file() {
        return entry == null ? null : entry.file();
    }

    /** The range of the value in {@link #document()}, if it can be found there. */
    public Optional<Range> valueRange() {
        return node().map(YamlNode::valueRange);
    }

    /** The range of the value's key (or list dash) in {@link #document()}, else of the value. */
    public Optional<Range> keyOrValueRange() {
        return node().map(YamlNode::keyOrValueRange);
    }

    private Optional<YamlNode> node() {
        return document == null ? Optional.empty() : document.node(pointer);
    }

    /**
     * Where the value comes from, for people: {@code task itself, line 14}, {@code flow default #1, line 30},
     * {@code namespace company.team default #1 in environments/prod.yaml, line 12}.
     */
    public String describe() {
        String what = entry == null ? "task itself" : entry.describe();
        return valueRange().map(r -> what + ", line " + (r.start().line() + 1)).orElse(what);
    }

    @Override
    public String toString() {
        return "ValueOrigin[" + describe() + " at " + pointer + "]";
    }
}
