package dev.flowbench.editor.view;

import dev.flowbench.editor.syntax.Tokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Merges syntax tokens and overlay marks into the one {@code StyleSpans} the code area applies: each character
 * gets its token's class plus the classes of every mark over it. Pure, so it runs off the FX thread.
 */
final class StyleComposer {
    private record Boundary(String styleClass, int delta) {}

    /** Style class lists are shared between spans: a long flow has few distinct combinations. */
    private final Map<String, List<String>> interned = new HashMap<>();

    StyleSpans<Collection<String>> compose(int length, Tokens tokens, List<Mark> marks) {
        // Boundaries where the set of overlay classes changes, with +1/-1 per class.
        var events = new TreeMap<Integer, List<Boundary>>();
        for (Mark mark : marks) {
            int start = Math.min(mark.start(), length);
            int end = Math.min(Math.max(mark.end(), start), length);
            if (start == end) {
                // An empty range (a missing value at the end of a line) still needs a visible character.
                if (start < length) {
                    end = start + 1;
                } else if (start > 0) {
                    start = start - 1;
                } else {
                    continue;
                }
            }
            events.computeIfAbsent(start, k -> new ArrayList<>()).add(new Boundary(mark.styleClass(), +1));
            events.computeIfAbsent(end, k -> new ArrayList<>()).add(new Boundary(mark.styleClass(), -1));
        }
        var builder = new StyleSpansBuilder<Collection<String>>(tokens.size() * 2 + events.size() * 2 + 1);
        var active = new TreeMap<String, Integer>();
        int position = 0;
        int token = 0;
        while (position < length) {
            while (token < tokens.size() && tokens.end(token) <= position) {
                token++;
            }
            List<Boundary> changes = events.get(position);
            if (changes != null) {
                for (Boundary change : changes) {
                    active.merge(change.styleClass(), change.delta(), Integer::sum);
                }
                active.values().removeIf(count -> count <= 0);
            }
            boolean inToken = token < tokens.size() && tokens.start(token) <= position;
            int next = length;
            if (token < tokens.size()) {
                next = Math.min(next, inToken ? tokens.end(token) : tokens.start(token));
            }
            Integer nextEvent = events.higherKey(position);
            if (nextEvent != null) {
                next = Math.min(next, nextEvent);
            }
            String tokenClass = inToken ? tokens.kind(token).styleClass() : null;
            builder.add(styles(tokenClass, active.keySet()), next - position);
            position = next;
        }
        if (length == 0) {
            builder.add(List.of(), 0);
        }
        return builder.create();
    }

    private List<String> styles(String tokenClass, Collection<String> overlay) {
        if (tokenClass == null && overlay.isEmpty()) {
            return List.of();
        }
        var key = new StringBuilder(tokenClass == null ? "" : tokenClass);
        for (String cls : overlay) {
            key.append(' ').append(cls);
        }
        return interned.computeIfAbsent(key.toString(), k -> {
            var list = new ArrayList<String>(overlay.size() + 1);
            if (tokenClass != null) {
                list.add(tokenClass);
            }
            list.addAll(overlay);
            return List.copyOf(list);
        });
    }
}
