package dev.flowbench.editor.view;

import dev.flowbench.editor.api.DiagnosticProvider;
import dev.flowbench.editor.api.DocLink;
import dev.flowbench.editor.api.DocLinkProvider;
import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.syntax.Tokens;
import dev.flowbench.editor.syntax.YamlLexer;
import dev.flowbench.schema.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Keeps the code area's styles in step with its text, the RichTextFX async way: after a pause in typing, copy
 * the text on the FX thread, lex it and ask the link and diagnostic providers on a background thread, drop the
 * result if anything changed meanwhile, and apply syntax plus overlays as one merged {@code StyleSpans}, only
 * over the range that differs from what is on screen.
 *
 * <p>Every request bumps a version; a result applies only if its version is still the latest, so stale work is
 * never shown and no two results race. Style changes are not text changes, so the undo history never sees them.
 */
final class HighlightPipeline {
    static final String SEARCH = "search";
    static final String DIAGNOSTICS = "diagnostics";
    static final String LINKS = "links";

    private final CodeArea area;
    private final ExecutorService executor;
    private final PauseTransition debounce;
    private final StyleLayer search = new StyleLayer(SEARCH);
    private final StyleLayer diagnostics = new StyleLayer(DIAGNOSTICS);
    private final StyleLayer links = new StyleLayer(LINKS);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final Consumer<List<Diagnostic>> onDiagnostics;
    private final Runnable onMarksMoved;

    // FX thread state.
    private LanguageSupport language = LanguageSupport.NONE;
    private long version;
    private long textVersion;
    private long languageVersion;
    private int dirtyFrom = Integer.MAX_VALUE;
    private int dirtyToEnd = Integer.MAX_VALUE;
    private StyleSpans<Collection<String>> applied = StyleSpans.singleton(List.of(), 0);
    private boolean failureReported;
    private List<Diagnostic> reported = List.of();

    // Background thread state: caches keyed by what they were computed from.
    private final StyleComposer composer = new StyleComposer();
    private String lexedKey = "";
    private Tokens lexed;
    private String linkedKey = "";
    private List<DocLink> knownLinks = List.of();
    private String diagnosedKey = "";
    private List<Diagnostic> knownDiagnostics = List.of();

    /**
     * @param onDiagnostics told on the FX thread when a diagnostic provider has produced a fresh list
     * @param onMarksMoved told on the FX thread whenever overlay marks changed or moved with the text
     */
    HighlightPipeline(
            CodeArea area,
            ExecutorService executor,
            Duration pause,
            Consumer<List<Diagnostic>> onDiagnostics,
            Runnable onMarksMoved) {
        this.area = area;
        this.executor = executor;
        this.onDiagnostics = onDiagnostics;
        this.onMarksMoved = onMarksMoved;
        this.debounce = new PauseTransition(pause);
        debounce.setOnFinished(e -> launch());
        area.plainTextChanges().filter(change -> !change.isIdentity()).subscribe(this::textChanged);
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    StyleLayer search() {
        return search;
    }

    StyleLayer diagnostics() {
        return diagnostics;
    }

    StyleLayer links() {
        return links;
    }

    void setLanguage(LanguageSupport newLanguage) {
        language = newLanguage;
        languageVersion++;
        links.clear();
        requestUpdate();
    }

    /** Replaces the diagnostics shown; a diagnostic provider, when set, replaces them on its next run. */
    void setDiagnostics(List<Diagnostic> list) {
        reported = List.copyOf(list);
        diagnostics.set(diagnosticMarks(list));
        onMarksMoved.run();
        requestUpdate();
    }

    /**
     * Styles the syntax of the whole text at once, on the FX thread, when the text is at most {@code limit}
     * characters long: a freshly loaded document is then drawn coloured in its first frame instead of plain and
     * restyled a moment later (restyling rebuilds every visible line). The background run still follows, for the
     * overlays and the language's links and diagnostics, and changes only what differs.
     */
    void styleNow(int limit) {
        String text = area.getText();
        if (text.length() > limit) {
            return;
        }
        var marks = concat(search.marks(), diagnostics.marks(), links.marks());
        var spans = new StyleComposer().compose(text.length(), YamlLexer.lex(text), marks);
        area.setStyleSpans(0, spans);
        applied = spans;
        dirtyFrom = Integer.MAX_VALUE;
        dirtyToEnd = Integer.MAX_VALUE;
    }

    /** Restyles after the usual pause; call after changing an overlay layer. */
    void requestUpdate() {
        version++;
        busy.set(true);
        debounce.playFromStart();
    }

    private void textChanged(PlainTextChange change) {
        textVersion++;
        int position = change.getPosition();
        int newLength = area.getLength();
        dirtyFrom = Math.min(dirtyFrom, position);
        dirtyToEnd = Math.min(dirtyToEnd, newLength - change.getInsertionEnd());
        search.shift(change);
        diagnostics.shift(change);
        links.shift(change);
        onMarksMoved.run();
        requestUpdate();
    }

    private void launch() {
        var overlay = new ArrayList<Mark>(search.marks());
        var job = new Job(
                version,
                textVersion + "/" + languageVersion,
                area.getText(),
                overlay,
                diagnostics.marks(),
                links.marks(),
                applied,
                dirtyFrom,
                dirtyToEnd,
                language);
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            // The editor was disposed; nothing left to style.
        }
    }

    /** Everything a background run needs, copied on the FX thread. */
    private record Job(
            long version,
            String textKey,
            String text,
            List<Mark> overlay,
            List<Mark> diagnosticMarks,
            List<Mark> linkMarks,
            StyleSpans<Collection<String>> applied,
            int dirtyFrom,
            int dirtyToEnd,
            LanguageSupport language) {}

    private void run(Job job) {
        try {
            String key = job.textKey();
            if (!key.equals(lexedKey)) {
                lexed = YamlLexer.lex(job.text());
                lexedKey = key;
            }
            List<DocLink> docLinks = null;
            if (job.language().docLinks() != DocLinkProvider.NONE) {
                if (!key.equals(linkedKey)) {
                    knownLinks = List.copyOf(job.language().docLinks().docLinks(job.text()));
                    linkedKey = key;
                }
                docLinks = knownLinks;
            }
            List<Mark> linkMarks = docLinks == null ? job.linkMarks() : linkMarks(docLinks);
            boolean validating = job.language().diagnostics() != DiagnosticProvider.NONE;
            boolean diagnosed = validating && key.equals(diagnosedKey);
            List<Diagnostic> known = diagnosed ? knownDiagnostics : null;
            List<Mark> diagnosticMarks = known == null ? job.diagnosticMarks() : diagnosticMarks(known);
            var spans = composer.compose(job.text().length(), lexed, concat(job.overlay(), diagnosticMarks, linkMarks));
            int[] range = SpanDiff.changedRange(job.applied(), spans, job.dirtyFrom(), job.dirtyToEnd());
            List<DocLink> links = docLinks;
            boolean last = !validating || diagnosed;
            Platform.runLater(() -> apply(job, spans, range, links, linkMarks, known, last));
            if (last) {
                return;
            }
            List<Diagnostic> fresh = List.copyOf(job.language().diagnostics().diagnose(job.text()));
            knownDiagnostics = fresh;
            diagnosedKey = key;
            var withDiagnostics = composer.compose(
                    job.text().length(), lexed, concat(job.overlay(), diagnosticMarks(fresh), linkMarks));
            int[] range2 = SpanDiff.changedRange(spans, withDiagnostics, Integer.MAX_VALUE, Integer.MAX_VALUE);
            Platform.runLater(() -> apply(job, withDiagnostics, range2, links, linkMarks, fresh, true));
        } catch (RuntimeException e) {
            lexedKey = "";
            linkedKey = "";
            diagnosedKey = "";
            Platform.runLater(() -> reportFailure(job, e));
        }
    }

    private void apply(
            Job job,
            StyleSpans<Collection<String>> spans,
            int[] range,
            List<DocLink> freshLinks,
            List<Mark> linkMarks,
            List<Diagnostic> freshDiagnostics,
            boolean last) {
        if (job.version() != version || spans.length() != area.getLength()) {
            return;
        }
        boolean marksChanged = false;
        if (freshLinks != null && !linkMarks.equals(links.marks())) {
            links.set(linkMarks);
            marksChanged = true;
        }
        if (freshDiagnostics != null) {
            List<Mark> marks = diagnosticMarks(freshDiagnostics);
            if (!marks.equals(diagnostics.marks())) {
                diagnostics.set(marks);
                marksChanged = true;
            }
            if (!freshDiagnostics.equals(reported)) {
                reported = freshDiagnostics;
                onDiagnostics.accept(freshDiagnostics);
            }
        }
        if (range[0] < range[1]) {
            area.setStyleSpans(range[0], spans.subView(range[0], range[1]));
        }
        applied = spans;
        dirtyFrom = Integer.MAX_VALUE;
        dirtyToEnd = Integer.MAX_VALUE;
        if (marksChanged) {
            onMarksMoved.run();
        }
        if (last) {
            busy.set(false);
        }
    }

    private void reportFailure(Job job, RuntimeException e) {
        if (!failureReported) {
            failureReported = true;
            log().log(System.Logger.Level.WARNING, "Editor analysis failed; highlighting may be stale", e);
        }
        if (job.version() == version) {
            busy.set(false);
        }
    }

    static List<Mark> diagnosticMarks(List<Diagnostic> list) {
        var marks = new ArrayList<Mark>(list.size());
        for (Diagnostic d : list) {
            marks.add(new Mark(
                    d.range().start().offset(),
                    d.range().end().offset(),
                    "diagnostic-" + d.severity().label(),
                    d));
        }
        marks.sort(java.util.Comparator.comparingInt(Mark::start));
        return marks;
    }

    private static List<Mark> linkMarks(List<DocLink> list) {
        var marks = new ArrayList<Mark>(list.size());
        for (DocLink link : list) {
            marks.add(new Mark(link.start(), link.end(), "doc-link", link));
        }
        return marks;
    }

    @SafeVarargs
    private static List<Mark> concat(List<Mark>... lists) {
        var all = new ArrayList<Mark>();
        for (List<Mark> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /**
     * This class's logger, looked up only when there is something to report: the first lookup scans the class
     * path for logging providers, which would otherwise slow every start.
     */
    private static System.Logger log() {
        return System.getLogger(HighlightPipeline.class.getName());
    }
}
