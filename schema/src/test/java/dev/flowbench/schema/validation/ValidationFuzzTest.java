package dev.flowbench.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.fuzz.FlowMutator;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Validates 10,000 mutated flows and environments: no exception escapes, no call hangs, and every diagnostic
 * lies inside its document. The seed is fixed so a failure reproduces; {@code -Dflowbench.fuzz.seed=N} tries others.
 */
class ValidationFuzzTest {
    private static final int VARIANTS = 10_000;
    private static final long HANG_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final FlowValidator VALIDATOR = new FlowValidator(PluginRegistry.builtIn());
    private static final ValidationContext CONTEXT = new ValidationContext("dev", Set.of("K8S_USERNAME"), null);
    private static ExecutorService executor;

    @BeforeAll
    static void startGuard() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "validation-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopGuard() {
        executor.shutdownNow();
    }

    @Test
    void mutatedDocumentsNeverThrowNeverHangAndGetDiagnosticsInsideTheText(TestReporter reporter) throws Exception {
        long seed = Long.getLong("flowbench.fuzz.seed", 7_070_707L);
        List<String> corpus = FlowMutator.corpus();
        Random random = new Random(seed);
        long slowest = 0;
        int withDiagnostics = 0;
        for (int variant = 0; variant < VARIANTS; variant++) {
            String text = FlowMutator.mutate(corpus.get(random.nextInt(corpus.size())), random);
            boolean environment = variant % 7 == 0;
            String label = "seed " + seed + ", variant " + variant;
            long start = System.nanoTime();
            List<Diagnostic> diagnostics = await(executor.submit(() -> validate(text, environment)), label, text);
            long took = System.nanoTime() - start;
            if (took > HANG_NANOS) {
                long again = System.nanoTime();
                await(executor.submit(() -> validate(text, environment)), label, text);
                took = Math.min(took, System.nanoTime() - again);
                assertThat(took).as("%s took over a second twice", label).isLessThan(HANG_NANOS);
            }
            slowest = Math.max(slowest, took);
            for (Diagnostic d : diagnostics) {
                assertThat(d.range().end().offset()).as("%s: %s", label, d).isLessThanOrEqualTo(text.length());
                assertThat(d.message()).as(label).isNotBlank();
            }
            withDiagnostics += diagnostics.isEmpty() ? 0 : 1;
        }
        reporter.publishEntry(Map.of(
                "variants", String.valueOf(VARIANTS),
                "with diagnostics", String.valueOf(withDiagnostics),
                "slowest validation ms", String.format(java.util.Locale.ROOT, "%.1f", slowest / 1e6)));
        assertThat(withDiagnostics).as("the mutations do break documents").isGreaterThan(VARIANTS / 4);
    }

    private static List<Diagnostic> validate(String text, boolean environment) {
        YamlDocument document = YamlDocument.parse(text);
        return environment ? VALIDATOR.validateEnvironment(document) : VALIDATOR.validateFlow(document, CONTEXT);
    }

    private static List<Diagnostic> await(Future<List<Diagnostic>> result, String label, String text)
            throws InterruptedException {
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(label + " threw " + e.getCause() + " on:\n" + text, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(label + " hangs on:\n" + text);
        }
    }
}
