package dev.flowbench.editor.api;

import java.util.Objects;

/**
 * A span of text that names a plugin, typically the value of a {@code type:} key.
 *
 * @param typeId the plugin type id whose documentation the link opens, e.g.
 *     {@code io.kestra.plugin.scripts.runner.docker.Docker}
 */
public record DocLink(int start, int end, String typeId) {
    public DocLink {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad link range " + start + "-" + end);
        }
        Objects.requireNonNull(typeId, "typeId");
    }

    /** Whether {@code offset} lies on the link, both ends included. */
    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }
}
