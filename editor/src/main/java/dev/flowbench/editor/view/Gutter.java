package dev.flowbench.editor.view;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * The left margin: a diagnostic marker (the most severe problem on the line, its messages as a tooltip) and
 * the line number. Markers are recomputed when diagnostics change or move, and only lines whose marker changed
 * get a new graphic.
 */
final class Gutter implements IntFunction<Node> {
    private final CodeArea area;
    private final IntFunction<Node> lineNumbers;
    private Map<Integer, List<Diagnostic>> byLine = Map.of();

    Gutter(CodeArea area) {
        this.area = area;
        this.lineNumbers = LineNumberFactory.get(area);
    }

    @Override
    public Node apply(int paragraph) {
        var marker = new Label();
        marker.getStyleClass().add("gutter-marker");
        List<Diagnostic> here = byLine.getOrDefault(paragraph, List.of());
        if (!here.isEmpty()) {
            Severity worst =
                    here.stream().map(Diagnostic::severity).min(Enum::compareTo).orElseThrow();
            marker.getStyleClass().add("gutter-" + worst.label());
            marker.setText(worst == Severity.ERROR ? "●" : worst == Severity.WARNING ? "▲" : "◆");
            marker.setTooltip(new Tooltip(here.stream().map(Diagnostic::message).collect(Collectors.joining("\n"))));
        }
        var box = new HBox(marker, lineNumbers.apply(paragraph));
        box.getStyleClass().add("gutter");
        return box;
    }

    /** Recomputes markers from the diagnostics layer and redraws the lines whose markers changed. */
    void update(List<Mark> diagnosticMarks) {
        var fresh = new HashMap<Integer, List<Diagnostic>>();
        int length = area.getLength();
        for (Mark mark : diagnosticMarks) {
            if (mark.payload() instanceof Diagnostic d) {
                int line = area.offsetToPosition(Math.min(mark.start(), length), Bias.Forward)
                        .getMajor();
                fresh.computeIfAbsent(line, k -> new ArrayList<>()).add(d);
            }
        }
        var changed = new HashSet<Integer>();
        for (var entry : fresh.entrySet()) {
            if (!entry.getValue().equals(byLine.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        for (Integer line : byLine.keySet()) {
            if (!fresh.containsKey(line)) {
                changed.add(line);
            }
        }
        byLine = fresh;
        int paragraphs = area.getParagraphs().size();
        for (int line : changed) {
            if (line < paragraphs) {
                area.recreateParagraphGraphic(line);
            }
        }
    }

    /** The diagnostics whose range starts on {@code paragraph}, for tests and tooltips. */
    List<Diagnostic> diagnosticsOn(int paragraph) {
        return byLine.getOrDefault(paragraph, List.of());
    }
}
