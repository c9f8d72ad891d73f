package dev.flowbench.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.defaults.ValueOrigin;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.environment.EffectiveConfiguration;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.fuzz.FlowMutator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Mutates the example workspace's flows and environments and the seed's YAML in the ways people break YAML
 * while typing, and parses 10,000 variants, applying an environment's pluginDefaults to each as if it were a
 * flow and reading it as if it were an environment: no exception may escape, no call may hang, and every
 * diagnostic must be well formed. The seed is fixed so a failure reproduces; {@code -Dflowbench.fuzz.seed=N}
 * tries others.
 */
class YamlFuzzTest {
    private static final int VARIANTS = 10_000;
    private static final long HANG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static ExecutorService executor;
    private static Environment environment;

    @BeforeAll
    static void startGuard() throws IOException {
        environment = Environment.load(Path.of("..", "assets", "workspace"), "prod");
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "yaml-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopGuard() {
        executor.shutdownNow();
    }

    @Test
    void mutatedFlowsNeverThrowNeverHangAndGetWellFormedDiagnostics(TestReporter reporter) throws Exception {
        long seed = Long.getLong("flowbench.fuzz.seed", 20_240_601L);
        List<String> corpus = FlowMutator.corpus();
        assertThat(corpus).as("example flows, environments and seed blocks").hasSizeGreaterThanOrEqualTo(5);
        Random random = new Random(seed);
        long slowest = 0;
        int withDiagnostics = 0;
        for (int variant = 0; variant < VARIANTS; variant++) {
            String text = FlowMutator.mutate(corpus.get(random.nextInt(corpus.size())), random);
            boolean asBytes = variant % 10 == 0;
            byte[] bytes = asBytes ? FlowMutator.corrupt(text.getBytes(StandardCharsets.UTF_8), random) : null;
            String label = "seed " + seed + ", variant " + variant;
            long start = System.nanoTime();
            Future<YamlDocument> parsed = executor.submit(() -> readAndMerge(asBytes ? bytes : null, text));
            YamlDocument document = await(parsed, label);
            long took = System.nanoTime() - start;
            if (took > HANG_NANOS) {
                // a busy machine can stall one call; a real hang repeats
                long again = System.nanoTime();
                await(executor.submit(() -> readAndMerge(asBytes ? bytes : null, text)), label);
                took = Math.min(took, System.nanoTime() - again);
                assertThat(took).as("%s took over a second twice", label).isLessThan(HANG_NANOS);
            }
            slowest = Math.max(slowest, took);
            checkWellFormed(document, label, random);
            if (!document.diagnostics().isEmpty()) {
                withDiagnostics++;
            }
        }
        reporter.publishEntry(Map.of(
                "variants", String.valueOf(VARIANTS),
                "with diagnostics", String.valueOf(withDiagnostics),
                "slowest parse ms", String.format(java.util.Locale.ROOT, "%.1f", slowest / 1e6)));
        assertThat(withDiagnostics).as("the mutations do break documents").isGreaterThan(VARIANTS / 4);
    }

    /** Everything the editor does with a document before validation: parse, read as environment, merge. */
    private static YamlDocument readAndMerge(byte[] bytes, String text) {
        YamlDocument document = bytes != null ? YamlDocument.parse(bytes) : YamlDocument.parse(text);
        Environment asEnvironment = Environment.of("fuzz", document);
        asEnvironment.defaultsFor("company.team.batch");
        asEnvironment.secretsFile();
        MergedFlow merged = EffectiveConfiguration.merge(document, environment);
        for (String id : merged.taskIds()) {
            merged.task(id).orElseThrow().origins().values().forEach(ValueOrigin::describe);
        }
        return document;
    }

    private static YamlDocument await(Future<YamlDocument> parsed, String label) throws InterruptedException {
        try {
            return parsed.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(label + " threw " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            parsed.cancel(true);
            return fail(label + " did not return within 30 s");
        }
    }

    /** Ranges inside the text and consistent with it, codes and messages present; queries do not throw. */
    private static void checkWellFormed(YamlDocument document, String label, Random random) {
        int length = document.text().length();
        for (Diagnostic diagnostic : document.diagnostics()) {
            assertThat(diagnostic.range().end().offset()).as(label).isBetween(0, length);
            assertThat(diagnostic.range().start())
                    .as(label)
                    .isEqualTo(document.position(diagnostic.range().start().offset()));
            assertThat(diagnostic.range().end())
                    .as(label)
                    .isEqualTo(document.position(diagnostic.range().end().offset()));
            assertThat(diagnostic.code()).as(label).startsWith("yaml-");
            assertThat(diagnostic.message()).as(label).isNotBlank().doesNotContain("\n");
        }
        for (int i = 0; i < 5; i++) {
            int offset = length == 0 ? 0 : random.nextInt(length + 1);
            document.nodeAt(offset).ifPresent(node -> {
                assertThat(document.node(node.document(), node.pointer()))
                        .as(label)
                        .isPresent();
                assertThat(node.valueRange().end().offset()).as(label).isBetween(0, length);
            });
        }
        for (int d = 0; d < document.documentCount(); d++) {
            walk(document.node(d, "").orElseThrow(), label, length, 0);
        }
    }

    private static void walk(YamlNode node, String label, int length, int depth) {
        assertThat(node.valueRange().end().offset()).as(label).isBetween(0, length);
        if (node.keyRange() != null) {
            assertThat(node.keyRange().end().offset()).as(label).isBetween(0, length);
        }
        if (depth < 12 && !node.fromAlias()) {
            for (YamlNode child : node.children()) {
                walk(child, label, length, depth + 1);
            }
        }
    }
}
