package dev.flowbench.app.desktop.docs;

import dev.flowbench.app.desktop.docs.DocsViewModel.NotInstalled;
import dev.flowbench.app.desktop.docs.DocsViewModel.Page;
import dev.flowbench.app.desktop.docs.DocsViewModel.PluginPage;
import dev.flowbench.editor.view.MarkdownView;
import dev.flowbench.schema.docs.PluginDocs;
import dev.flowbench.schema.docs.PropertyDoc;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The docs sidebar: a plugin's icon, title, type, description, properties table (type, default, required,
 * dynamic, enum values) and examples with copy and insert, or a "not installed" page; back/forward and a
 * follow-the-caret switch on top.
 */
public final class DocsView extends BorderPane {
    private final VBox page = new VBox(10);
    private final Consumer<String> insert;

    /** @param insert inserts an example's YAML at the caret of the current editor */
    public DocsView(DocsViewModel docs, Consumer<String> insert) {
        this.insert = insert;
        getStyleClass().add("docs-view");
        var back = new Button("←");
        back.getStyleClass().add("docs-back");
        back.setTooltip(new Tooltip("Back"));
        back.disableProperty().bind(docs.canGoBackProperty().not());
        back.setOnAction(e -> docs.back());
        var forward = new Button("→");
        forward.getStyleClass().add("docs-forward");
        forward.setTooltip(new Tooltip("Forward"));
        forward.disableProperty().bind(docs.canGoForwardProperty().not());
        forward.setOnAction(e -> docs.forward());
        var follow = new ToggleButton("Follow caret");
        follow.getStyleClass().add("docs-follow");
        follow.selectedProperty().bindBidirectional(docs.followCaretProperty());
        var title = new Label("Docs");
        title.getStyleClass().add("panel-title");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(4, title, spacer, back, forward, follow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("docs-toolbar");
        setTop(bar);
        page.getStyleClass().add("docs-page");
        page.setPadding(new Insets(10));
        var scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("docs-scroll");
        setCenter(scroll);
        show(docs.pageProperty().get());
        docs.pageProperty().addListener((obs, old, next) -> {
            show(next);
            scroll.setVvalue(0);
        });
    }

    private void show(Page current) {
        page.getChildren().clear();
        switch (current) {
            case null ->
                page.getChildren()
                        .add(wrapped(
                                "Ctrl+click (or press F1 on) a task's or runner's type to see its documentation.",
                                "docs-hint"));
            case PluginPage p -> plugin(p.docs());
            case NotInstalled n -> notInstalled(n);
        }
    }

    private void plugin(PluginDocs docs) {
        Node icon = SvgIcon.render(docs.iconSvg(), 40).orElseGet(() -> badge(docs.title()));
        var title = new Label(docs.title());
        title.getStyleClass().add("docs-title");
        title.setWrapText(true);
        var type = new Label(docs.type());
        type.getStyleClass().add("docs-type");
        type.setWrapText(true);
        var meta = new Label(docs.kind() + " · " + docs.origin()
                + (docs.aliases().isEmpty() ? "" : " · also " + String.join(", ", docs.aliases())));
        meta.getStyleClass().add("docs-meta");
        meta.setWrapText(true);
        var heading = new HBox(10, icon, new VBox(2, title, type, meta));
        heading.setAlignment(Pos.CENTER_LEFT);
        page.getChildren().add(heading);
        if (docs.deprecated() != null && !docs.deprecated().isBlank()) {
            page.getChildren().add(wrapped("Deprecated: " + docs.deprecated(), "docs-deprecated"));
        }
        page.getChildren().add(new MarkdownView(docs.description()));
        if (!docs.properties().isEmpty()) {
            page.getChildren().addAll(section("Properties"), properties(docs));
        }
        if (!docs.examples().isEmpty()) {
            page.getChildren().add(section("Examples"));
            docs.examples().forEach(example -> page.getChildren().add(example(example)));
        }
    }

    private Node properties(PluginDocs docs) {
        var grid = new GridPane();
        grid.getStyleClass().add("docs-properties");
        grid.setHgap(8);
        grid.setVgap(6);
        var nameColumn = new ColumnConstraints();
        nameColumn.setMinWidth(Region.USE_PREF_SIZE);
        var rest = new ColumnConstraints();
        rest.setHgrow(Priority.ALWAYS);
        rest.setFillWidth(true);
        grid.getColumnConstraints().addAll(nameColumn, rest);
        int row = 0;
        for (PropertyDoc property : docs.properties()) {
            var name = new Label(property.name());
            name.getStyleClass().add("docs-property-name");
            if (property.required()) {
                name.getStyleClass().add("required");
            }
            var details = new VBox(2);
            var facts = new StringBuilder(property.type());
            if (property.required()) {
                facts.append(" · required");
            }
            if (!property.defaultValue().isEmpty()) {
                facts.append(" · default ").append(property.defaultValue());
            }
            if (property.dynamic()) {
                facts.append(" · {{ }} allowed");
            }
            details.getChildren().add(wrapped(facts.toString(), "docs-property-facts"));
            if (!property.enumValues().isEmpty()) {
                details.getChildren()
                        .add(wrapped("One of: " + String.join(", ", property.enumValues()), "docs-property-values"));
            }
            if (!property.replacedBy().isEmpty()) {
                details.getChildren().add(wrapped("Deprecated; use " + property.replacedBy(), "docs-deprecated"));
            }
            if (!property.description().isBlank()) {
                details.getChildren().add(new MarkdownView(property.description()));
            }
            grid.add(name, 0, row);
            grid.add(details, 1, row);
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            row++;
        }
        return grid;
    }

    private Node example(PluginDocs.ExampleDoc example) {
        var code = new TextArea(example.code());
        code.setEditable(false);
        code.getStyleClass().add("docs-example-code");
        code.setPrefRowCount((int) Math.min(18, example.code().lines().count() + 1));
        code.setWrapText(false);
        var copy = new Button("Copy");
        copy.getStyleClass().add("docs-copy");
        copy.setOnAction(e -> {
            var content = new ClipboardContent();
            content.putString(example.code());
            Clipboard.getSystemClipboard().setContent(content);
        });
        var insertButton = new Button("Insert");
        insertButton.getStyleClass().add("docs-insert");
        insertButton.setTooltip(new Tooltip("Insert at the caret of the current editor"));
        insertButton.setOnAction(e -> insert.accept(example.code()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(6, wrapped(example.title(), "docs-example-title"), spacer, copy, insertButton);
        header.setAlignment(Pos.CENTER_LEFT);
        var box = new VBox(4, header, code);
        box.getStyleClass().add("docs-example");
        return box;
    }

    private void notInstalled(NotInstalled missing) {
        page.getChildren().add(wrapped("Not installed", "docs-title"));
        page.getChildren().add(wrapped(missing.typeId(), "docs-type"));
        page.getChildren()
                .add(wrapped(
                        "No installed plugin provides this type. Put the plugin's JAR into one of these folders"
                                + " and restart Flowbench:",
                        "docs-not-installed"));
        for (Path folder : missing.pluginFolders()) {
            page.getChildren().add(wrapped("• " + folder, "docs-plugin-folder"));
        }
    }

    private static Label section(String text) {
        var label = new Label(text);
        label.getStyleClass().add("docs-section");
        return label;
    }

    private static Label wrapped(String text, String styleClass) {
        var label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Node badge(String title) {
        var letter = new Label(title.isEmpty() ? "?" : title.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        letter.getStyleClass().add("docs-icon-badge");
        var pane = new StackPane(letter);
        pane.setMinSize(40, 40);
        pane.setPrefSize(40, 40);
        pane.getStyleClass().add("docs-icon-fallback");
        return pane;
    }
}
