package dev.flowbench.editor.api;

import java.util.List;

/** Finds the spans that link to plugin documentation; views style them and open the docs on Ctrl/Cmd+click. */
@FunctionalInterface
public interface DocLinkProvider {
    /** A provider that finds no links. */
    DocLinkProvider NONE = text -> List.of();

    /** Every link in {@code text}, in offset order; never null. */
    List<DocLink> docLinks(String text);
}
