package dev.flowbench.app.desktop.document;

import dev.flowbench.app.desktop.workspace.FileKind;
import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.view.EditorTheme;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The editor tabs: one {@link DocumentTab} per open document, kept in step with the
 * {@link EditorTabsViewModel} both ways (selection, order, closing). Closing a tab is left to
 * {@code closeRequested}, which asks about unsaved edits.
 */
public final class EditorTabsView extends TabPane {
    private final EditorTabsViewModel tabs;
    private final Function<FileKind, LanguageSupport> languages;
    private final Consumer<String> openDocs;
    private final Consumer<String> report;
    private final Consumer<DocumentViewModel> closeRequested;
    private final Map<DocumentViewModel, DocumentTab> byDocument = new HashMap<>();
    private EditorTheme theme = EditorTheme.LIGHT;
    private boolean syncing;

    /**
     * @param languages the language support for each file kind (asked again on {@link #refreshLanguages()})
     * @param openDocs told when the user asks for a type's docs
     * @param closeRequested told when the user closes a tab; it decides (and asks about unsaved edits)
     * @param report shows a one-line message
     */
    public EditorTabsView(
            EditorTabsViewModel tabs,
            Function<FileKind, LanguageSupport> languages,
            Consumer<String> openDocs,
            Consumer<DocumentViewModel> closeRequested,
            Consumer<String> report) {
        this.tabs = tabs;
        this.languages = languages;
        this.openDocs = openDocs;
        this.report = report;
        this.closeRequested = closeRequested;
        getStyleClass().add("editor-tabs");
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
        tabs.documents().forEach(this::add);
        tabs.documents().addListener((ListChangeListener<DocumentViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::remove);
                change.getAddedSubList().forEach(this::add);
            }
        });
        select(tabs.getSelected());
        tabs.selectedProperty().addListener((obs, old, document) -> select(document));
        getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (!syncing && tab instanceof DocumentTab documentTab) {
                tabs.selectedProperty().set(documentTab.document());
            }
        });
    }

    /** The tab of the selected document, if any. */
    public Optional<DocumentTab> selectedTab() {
        return Optional.ofNullable(byDocument.get(tabs.getSelected()));
    }

    public Optional<DocumentTab> tabOf(DocumentViewModel document) {
        return Optional.ofNullable(byDocument.get(document));
    }

    /** Gives every editor fresh language support (the registry loaded, the environment changed). */
    public void refreshLanguages() {
        byDocument
                .values()
                .forEach(tab ->
                        tab.setLanguageSupport(languages.apply(tab.document().kind())));
    }

    public void setEditorTheme(EditorTheme newTheme) {
        theme = newTheme;
        byDocument.values().forEach(tab -> tab.setTheme(newTheme));
    }

    /** Flushes every editor's text into its document. */
    public void flushAll() {
        byDocument.values().forEach(DocumentTab::flush);
    }

    /**
     * Selects the tab that is not a document's (a secrets file, say) known by {@code key}, creating it with
     * {@code create} the first time; returns it.
     */
    public Tab showTab(Object key, Supplier<Tab> create) {
        for (Tab tab : getTabs()) {
            if (key.equals(tab.getUserData())) {
                getSelectionModel().select(tab);
                return tab;
            }
        }
        Tab tab = create.get();
        tab.setUserData(key);
        getTabs().add(tab);
        getSelectionModel().select(tab);
        return tab;
    }

    private void add(DocumentViewModel document) {
        var tab = new DocumentTab(document, openDocs, report);
        tab.setLanguageSupport(languages.apply(document.kind()));
        tab.setTheme(theme);
        tab.setOnCloseRequest(e -> {
            // The window decides; removing the document removes the tab.
            e.consume();
            closeRequested.accept(document);
        });
        byDocument.put(document, tab);
        int index = tabs.documents().indexOf(document);
        syncing = true;
        try {
            getTabs().add(Math.min(index, getTabs().size()), tab);
        } finally {
            syncing = false;
        }
    }

    private void remove(DocumentViewModel document) {
        DocumentTab tab = byDocument.remove(document);
        if (tab != null) {
            syncing = true;
            try {
                getTabs().remove(tab);
            } finally {
                syncing = false;
            }
            tab.editor().dispose();
        }
    }

    private void select(DocumentViewModel document) {
        DocumentTab tab = byDocument.get(document);
        if (tab != null) {
            syncing = true;
            try {
                getSelectionModel().select(tab);
            } finally {
                syncing = false;
            }
        }
    }
}
