package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.api.DocLink;
import dev.flowbench.editor.api.Hover;
import dev.flowbench.editor.api.QuickFix;
import dev.flowbench.editor.api.TextEdit;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.fuzz.FlowMutator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Completion, hover, doc links, quick fixes and the outline on 10,000 mutated flows and environments (the
 * parser's and validator's mutator), at random carets: no exception escapes, no call takes over a second, and
 * every answer lies inside its text. The seed is fixed so a failure reproduces; {@code -Dflowbench.fuzz.seed=N}
 * tries others. The services are called without the guard of {@code FlowLanguage.support()}, so an exception
 * shows here.
 */
class LanguageFuzzTest {
    private static final int VARIANTS = 10_000;
    private static final int CARETS = 3;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static ExecutorService executor;

    @BeforeAll
    static void startGuard() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "language-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopGuard() {
        executor.shutdownNow();
    }

    @Test
    void mutatedDocumentsNeverThrowNeverTakeASecondAndAnswerInsideTheText(TestReporter reporter) throws Exception {
        long seed = Long.getLong("flowbench.fuzz.seed", 5_050_505L);
        List<String> corpus = FlowMutator.corpus();
        Random random = new Random(seed);
        long[] slowest = new long[1];
        int[] counts = new int[3]; // completions with items, hovers, quick fixes
        for (int variant = 0; variant < VARIANTS; variant++) {
            String text = FlowMutator.mutate(corpus.get(random.nextInt(corpus.size())), random);
            FlowLanguage language = variant % 5 == 0 ? Fixtures.ENVIRONMENTS : Fixtures.FLOWS;
            String label = "seed " + seed + ", variant " + variant;
            for (int i = 0; i < CARETS; i++) {
                int caret = random.nextInt(text.length() + 1);
                String at = label + ", caret " + caret;
                CompletionResult completion = call(() -> language.complete(text, caret), at, text, slowest);
                assertThat(completion.replaceStart()).as(at).isBetween(0, caret);
                counts[0] += completion.items().isEmpty() ? 0 : 1;
                Optional<Hover> hover = call(() -> language.hover(text, caret), at, text, slowest);
                hover.ifPresent(h -> assertThat(h.end()).as(at).isLessThanOrEqualTo(text.length()));
                counts[1] += hover.isPresent() ? 1 : 0;
            }
            for (DocLink link : call(() -> language.docLinks(text), label, text, slowest)) {
                assertThat(link.end()).as(label).isLessThanOrEqualTo(text.length());
            }
            checkOutline(call(() -> language.outline(text), label, text, slowest), text, label);
            List<Diagnostic> diagnostics = call(() -> language.diagnose(text), label, text, slowest);
            for (Diagnostic diagnostic : diagnostics.subList(0, Math.min(4, diagnostics.size()))) {
                List<QuickFix> fixes = call(() -> language.quickFixes(text, diagnostic), label, text, slowest);
                for (QuickFix fix : fixes) {
                    checkEdits(fix.edits(), text, label + ", " + fix.title());
                }
                counts[2] += fixes.size();
            }
        }
        reporter.publishEntry(Map.of(
                "variants", String.valueOf(VARIANTS),
                "completions with items", String.valueOf(counts[0]),
                "hovers", String.valueOf(counts[1]),
                "quick fixes", String.valueOf(counts[2]),
                "slowest call ms", String.format(java.util.Locale.ROOT, "%.1f", slowest[0] / 1e6)));
        assertThat(counts[0])
                .as("the carets do land where there is something to complete")
                .isGreaterThan(VARIANTS / 4);
        assertThat(counts[1]).as("the carets do land on things to explain").isGreaterThan(VARIANTS / 4);
        assertThat(counts[2]).as("the diagnostics do get fixes").isGreaterThan(VARIANTS / 20);
    }

    /** Runs {@code work} on the guard thread: an exception fails, and so does a call over a second, twice. */
    private static <T> T call(Callable<T> work, String label, String text, long[] slowest) throws InterruptedException {
        long start = System.nanoTime();
        T result = await(executor.submit(work), label, text);
        long took = System.nanoTime() - start;
        if (took > SECOND) {
            // a busy machine can stall one call; a real problem repeats
            long again = System.nanoTime();
            await(executor.submit(work), label, text);
            took = Math.min(took, System.nanoTime() - again);
            assertThat(took)
                    .as("%s took over a second twice on:%n%s", label, text)
                    .isLessThan(SECOND);
        }
        slowest[0] = Math.max(slowest[0], took);
        return result;
    }

    private static <T> T await(Future<T> result, String label, String text) throws InterruptedException {
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(label + " threw " + e.getCause() + " on:\n" + text, e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError(label + " hangs on:\n" + text);
        }
    }

    private static void checkEdits(List<TextEdit> edits, String text, String label) {
        List<TextEdit> sorted =
                edits.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
        int end = 0;
        for (TextEdit edit : sorted) {
            assertThat(edit.start()).as("%s: edits do not overlap", label).isGreaterThanOrEqualTo(end);
            assertThat(edit.end()).as(label).isLessThanOrEqualTo(text.length());
            end = edit.end();
        }
    }

    private static void checkOutline(OutlineNode node, String text, String label) {
        Range range = node.range();
        assertThat(range.end().offset()).as(label).isLessThanOrEqualTo(text.length());
        assertThat(node.selectionRange().start().offset())
                .as("%s: %s selection inside its range", label, node.name())
                .isBetween(range.start().offset(), range.end().offset());
        for (OutlineNode child : node.children()) {
            checkOutline(child, text, label);
        }
    }
}
