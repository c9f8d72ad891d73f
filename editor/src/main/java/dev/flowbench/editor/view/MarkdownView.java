package dev.flowbench.editor.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders markdown (plugin descriptions, hover text, completion docs) as JavaFX text nodes, without a web
 * engine: paragraphs, headings, lists, quotes, code and emphasis, styled by the {@code md-*} CSS classes.
 * Links are shown as links and reported to {@link #setOnLink}; raw HTML is shown as text.
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().build();

    private Consumer<String> onLink = url -> {};

    /** An empty view; call {@link #setMarkdown}. */
    public MarkdownView() {
        getStyleClass().add("markdown");
        setFillWidth(true);
    }

    /** A view showing {@code markdown}. */
    public MarkdownView(String markdown) {
        this();
        setMarkdown(markdown);
    }

    /** Replaces the content with {@code markdown} (null shows nothing). */
    public void setMarkdown(String markdown) {
        getChildren().setAll(blocks(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /** What to do when a link is clicked; receives the link's destination. */
    public void setOnLink(Consumer<String> handler) {
        onLink = handler == null ? url -> {} : handler;
    }

    private List<Node> blocks(org.commonmark.node.Node parent) {
        var nodes = new ArrayList<Node>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node node = block(child);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private Node block(org.commonmark.node.Node node) {
        return switch (node) {
            case Paragraph p -> flow(p, "md-paragraph");
            case Heading h -> flow(h, "md-h" + Math.min(h.getLevel(), 3));
            case FencedCodeBlock code -> codeBlock(code.getLiteral());
            case IndentedCodeBlock code -> codeBlock(code.getLiteral());
            case HtmlBlock html -> codeBlock(html.getLiteral());
            case BulletList list -> list(list, -1);
            case OrderedList list -> list(list, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
            case BlockQuote quote -> styled(new VBox(blocks(quote).toArray(Node[]::new)), "md-quote");
            case ThematicBreak ignored -> new Separator();
            default ->
                node.getFirstChild() == null
                        ? null
                        : styled(new VBox(blocks(node).toArray(Node[]::new)), "md-block");
        };
    }

    private Node list(org.commonmark.node.Node list, int start) {
        var box = new VBox();
        box.getStyleClass().add("md-list");
        int number = start;
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            var bullet = new Label(number < 0 ? "•" : number++ + ".");
            bullet.getStyleClass().add("md-bullet");
            bullet.setMinWidth(Label.USE_PREF_SIZE);
            var content = new VBox(blocks(item).toArray(Node[]::new));
            HBox.setHgrow(content, Priority.ALWAYS);
            box.getChildren().add(new HBox(4, bullet, content));
        }
        return box;
    }

    private Node codeBlock(String literal) {
        var text = new Text(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        text.getStyleClass().addAll("md-text", "md-code");
        return styled(new TextFlow(text), "md-code-block");
    }

    private TextFlow flow(org.commonmark.node.Node block, String styleClass) {
        var flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        inlines(block, flow, List.of());
        return flow;
    }

    private void inlines(org.commonmark.node.Node parent, TextFlow flow, List<String> classes) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case org.commonmark.node.Text t -> flow.getChildren().add(text(t.getLiteral(), classes));
                case Code c -> flow.getChildren().add(text(c.getLiteral(), plus(classes, "md-code")));
                case HtmlInline html -> flow.getChildren().add(text(html.getLiteral(), classes));
                case SoftLineBreak ignored -> flow.getChildren().add(text(" ", classes));
                case HardLineBreak ignored -> flow.getChildren().add(text("\n", classes));
                case Emphasis e -> inlines(e, flow, plus(classes, "md-emphasis"));
                case StrongEmphasis s -> inlines(s, flow, plus(classes, "md-strong"));
                case Link link -> {
                    int first = flow.getChildren().size();
                    inlines(link, flow, plus(classes, "md-link"));
                    for (Node added :
                            flow.getChildren().subList(first, flow.getChildren().size())) {
                        added.setOnMouseClicked(e -> onLink.accept(link.getDestination()));
                    }
                }
                default -> inlines(node, flow, classes);
            }
        }
    }

    private static Text text(String value, List<String> classes) {
        var text = new Text(value);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(classes);
        return text;
    }

    private static List<String> plus(List<String> classes, String extra) {
        var list = new ArrayList<>(classes);
        list.add(extra);
        return list;
    }

    private static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
