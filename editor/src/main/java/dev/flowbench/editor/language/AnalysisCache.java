package dev.flowbench.editor.language;

/**
 * The analyses of the last few texts asked about, so that completion, hover, links, quick fixes and diagnostics
 * on the same text share one structure, one parse and one validation. A few entries, not one, because the
 * language server asks about several open documents in turn. Thread-safe.
 */
final class AnalysisCache {
    private static final int SIZE = 4;

    private final Analysis[] entries = new Analysis[SIZE];

    /** The analysis of {@code text}, reused when the same text was analysed recently. */
    Analysis of(String text) {
        synchronized (entries) {
            for (int i = 0; i < SIZE; i++) {
                Analysis entry = entries[i];
                if (entry != null && (entry.text() == text || entry.text().equals(text))) {
                    promote(i, entry);
                    return entry;
                }
            }
            // created under the lock, so that threads asking about the same new text share one analysis
            Analysis created = new Analysis(text, latestParsed());
            promote(SIZE - 1, created);
            return created;
        }
    }

    /** The most recently used analysis with a parse: likely the previous version of the text asked about now. */
    private Analysis latestParsed() {
        synchronized (entries) {
            for (Analysis entry : entries) {
                if (entry != null && entry.documentIfReady() != null) {
                    return entry;
                }
            }
        }
        return null;
    }

    private void promote(int from, Analysis entry) {
        System.arraycopy(entries, 0, entries, 1, from);
        entries[0] = entry;
    }
}
