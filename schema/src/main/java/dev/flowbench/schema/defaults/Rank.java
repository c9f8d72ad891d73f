package dev.flowbench.schema.defaults;

/**
 * The precedence of one contribution to a merged value; the higher rank wins where two contributions set the
 * same leaf. Compared field by field:
 *
 * <ol>
 *   <li>{@code group}: non-forced defaults (0) &lt; the task itself (1) &lt; forced defaults (2);
 *   <li>{@code level}: non-forced instance &lt; tenant &lt; parent namespace &lt; child namespace &lt; flow;
 *       forced the reverse (flow &lt; child namespace &lt; parent namespace &lt; tenant &lt; instance);
 *   <li>{@code depth}: a default that targets a nested plugin (a {@code taskRunner}) beats one that reaches it
 *       through the enclosing task's values, at the same level;
 *   <li>{@code specificity}: the length of the default's type, so an exact type beats a longer prefix beats a
 *       shorter prefix;
 *   <li>{@code order}: the entry written first in its list wins.
 * </ol>
 */
record Rank(int group, int level, int depth, int specificity, int order) implements Comparable<Rank> {
    static final Rank TASK = new Rank(1, 0, 0, 0, 0);

    /** The rank of {@code entry} applied to a plugin {@code depth} plugins deep (a task is 0). */
    static Rank of(DefaultEntry entry, int depth) {
        int namespaceDepth = entry.scope() == null ? 0 : Math.min(400, 1 + count(entry.scope(), '.'));
        int level;
        if (entry.forced()) {
            level = switch (entry.level()) {
                case FLOW -> 0;
                case NAMESPACE -> 500 - namespaceDepth;
                case TENANT -> 600;
                case INSTANCE -> 700;
            };
        } else {
            level = switch (entry.level()) {
                case INSTANCE -> 0;
                case TENANT -> 1;
                case NAMESPACE -> 2 + namespaceDepth;
                case FLOW -> 1000;
            };
        }
        return new Rank(entry.forced() ? 2 : 0, level, depth, entry.type().length(), -entry.index());
    }

    boolean forced() {
        return group == 2;
    }

    @Override
    public int compareTo(Rank other) {
        int c = Integer.compare(group, other.group);
        if (c == 0) {
            c = Integer.compare(level, other.level);
        }
        if (c == 0) {
            c = Integer.compare(depth, other.depth);
        }
        if (c == 0) {
            c = Integer.compare(specificity, other.specificity);
        }
        return c != 0 ? c : Integer.compare(order, other.order);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
