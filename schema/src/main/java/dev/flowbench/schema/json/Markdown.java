package dev.flowbench.schema.json;

/** Small helpers on markdown text used for one-line summaries. */
public final class Markdown {
    private Markdown() {}

    /**
     * The first sentence of {@code markdown} (up to the first ". " or blank line), without markdown emphasis
     * markers; never null.
     */
    public static String firstSentence(String markdown) {
        if (markdown == null) {
            return "";
        }
        String text = markdown.strip();
        int paragraph = text.indexOf("\n\n");
        if (paragraph >= 0) {
            text = text.substring(0, paragraph);
        }
        int end = sentenceEnd(text);
        if (end >= 0) {
            text = text.substring(0, end + 1);
        }
        return text.replace("**", "").replace('\n', ' ').strip();
    }

    /** Index of the period ending the first sentence, skipping abbreviations such as "e.g.", or -1. */
    private static int sentenceEnd(String text) {
        int from = 0;
        while (true) {
            int end = text.indexOf(". ", from);
            if (end < 0) {
                return -1;
            }
            String before = text.substring(Math.max(0, end - 4), end + 1);
            if (!before.endsWith("e.g.") && !before.endsWith("i.e.") && !before.endsWith("etc.")) {
                return end;
            }
            from = end + 1;
        }
    }
}
