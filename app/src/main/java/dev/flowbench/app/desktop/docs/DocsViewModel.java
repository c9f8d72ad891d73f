package dev.flowbench.app.desktop.docs;

import dev.flowbench.schema.docs.PluginDocs;
import dev.flowbench.schema.docs.PluginDocsFactory;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What the docs sidebar shows: the page of a plugin type, chosen by a click on a type name (kept in a
 * back/forward history) or, when {@link #followCaretProperty()} is on, by the plugin block the caret is in.
 */
public final class DocsViewModel {
    /** A page of the sidebar. */
    public sealed interface Page permits PluginPage, NotInstalled {
        /** The type id the page is about. */
        String typeId();
    }

    /** The documentation of an installed plugin. */
    public record PluginPage(PluginDocs docs) implements Page {
        @Override
        public String typeId() {
            return docs.type();
        }
    }

    /** A type no installed plugin provides, with the folders where plugin JARs are looked for. */
    public record NotInstalled(String typeId, List<Path> pluginFolders) implements Page {}

    private final Supplier<PluginRegistry> registry;
    private final Supplier<List<Path>> pluginFolders;
    private final List<Page> history = new ArrayList<>();
    private int position = -1;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");
    private final BooleanProperty followCaret = new SimpleBooleanProperty(this, "followCaret", false);

    /**
     * @param registry the current plugin registry (it may be reloaded)
     * @param pluginFolders where plugin JARs are looked for, named on "not installed" pages
     */
    public DocsViewModel(Supplier<PluginRegistry> registry, Supplier<List<Path>> pluginFolders) {
        this.registry = registry;
        this.pluginFolders = pluginFolders;
    }

    /** The page shown, or null before the first one. */
    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** Whether the sidebar follows the plugin block the caret is in. */
    public BooleanProperty followCaretProperty() {
        return followCaret;
    }

    /** Shows the docs of {@code typeId} (a click on a type name, F1), as a new history entry. */
    public void open(String typeId) {
        Page next = pageFor(typeId);
        if (position >= 0 && history.get(position).typeId().equals(next.typeId())) {
            history.set(position, next);
            page.set(next);
            return;
        }
        history.subList(position + 1, history.size()).clear();
        history.add(next);
        position = history.size() - 1;
        show();
    }

    /** The caret entered a block of {@code typeId}: shown when following the caret, without growing history. */
    public void caretIn(String typeId) {
        if (!followCaret.get() || typeId == null || typeId.isBlank()) {
            return;
        }
        if (position >= 0 && history.get(position).typeId().equals(typeId)) {
            return;
        }
        if (position < 0) {
            open(typeId);
            return;
        }
        history.set(position, pageFor(typeId));
        history.subList(position + 1, history.size()).clear();
        show();
    }

    public void back() {
        if (position > 0) {
            position--;
            show();
        }
    }

    public void forward() {
        if (position < history.size() - 1) {
            position++;
            show();
        }
    }

    private Page pageFor(String typeId) {
        String id = Objects.requireNonNull(typeId, "typeId").strip();
        PluginRegistry current = registry.get();
        if (current != null) {
            var plugin = current.find(id);
            if (plugin.isPresent()) {
                return new PluginPage(PluginDocsFactory.of(plugin.get()));
            }
        }
        return new NotInstalled(id, List.copyOf(pluginFolders.get()));
    }

    private void show() {
        page.set(history.get(position));
        canGoBack.set(position > 0);
        canGoForward.set(position < history.size() - 1);
    }
}
