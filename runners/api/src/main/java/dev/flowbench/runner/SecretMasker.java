package dev.flowbench.runner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces secret values with {@value #MASK}: each value as is, its base64 forms, its URL-encoded forms,
 * and, for a multi-line value, each of its lines (so a value printed line by line is still hidden).
 * Immutable and thread-safe; {@link #stream()} gives a stateful masker for text arriving in chunks.
 */
public final class SecretMasker {

    /** What every secret form is replaced with. */
    public static final String MASK = "******";

    /** A masker without secrets: returns text unchanged. */
    public static final SecretMasker NONE = new SecretMasker(Set.of());

    private final Set<String> values;
    private final String[] forms; // longest first, so the longest match wins at one position
    private final BitSet firstChars = new BitSet();
    private final int longest;

    private SecretMasker(Set<String> values) {
        this.values = Set.copyOf(values);
        Set<String> all = new LinkedHashSet<>();
        for (String value : values) {
            all.addAll(formsOf(value));
        }
        all.removeIf(form -> form.isBlank() || form.chars().allMatch(c -> c == '*'));
        this.forms = all.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toArray(String[]::new);
        int max = 0;
        for (String form : forms) {
            firstChars.set(form.charAt(0));
            max = Math.max(max, form.length());
        }
        this.longest = max;
    }

    /** A masker for these secret values; null and blank values are ignored. */
    public static SecretMasker of(Collection<String> secretValues) {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : secretValues) {
            if (value != null && !value.isBlank()) {
                kept.add(value);
            }
        }
        return kept.isEmpty() ? NONE : new SecretMasker(kept);
    }

    /** A masker for these secret values. */
    public static SecretMasker of(String... secretValues) {
        return of(java.util.Arrays.asList(secretValues));
    }

    /** A masker hiding this masker's values and {@code more}. */
    public SecretMasker plus(Collection<String> more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(more);
        return of(all);
    }

    /** Whether this masker hides nothing. */
    public boolean isEmpty() {
        return forms.length == 0;
    }

    /** The secret values (not their derived forms); an unmodifiable set. */
    public Set<String> values() {
        return values;
    }

    /** {@code text} with every secret form replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || forms.length == 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int matched = firstChars.get(text.charAt(i)) ? matchAt(text, i) : 0;
            if (matched > 0) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, i).append(MASK);
                i += matched;
                copied = i;
            } else {
                i++;
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /**
     * A copy of a JSON-like tree (maps, lists, strings, other scalars) with every string masked; keys are
     * masked too.
     */
    public Object maskTree(Object value) {
        if (forms.length == 0) {
            return value;
        }
        return switch (value) {
            case null -> null;
            case String text -> mask(text);
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k instanceof String s ? mask(s) : k, maskTree(v)));
                yield copy;
            }
            case Collection<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(maskTree(item)));
                yield copy;
            }
            default -> value;
        };
    }

    /** A new stateful masker for one stream of text chunks (a secret may be split across chunks). */
    public Stream stream() {
        return new Stream();
    }

    /**
     * Masks text arriving in chunks: {@link #push} returns what is safe to release now and keeps back only a
     * tail that could be the start of a secret; {@link #flush} releases the rest. Not thread-safe.
     */
    public final class Stream {
        private String pending = "";

        private Stream() {}

        /** Masks {@code chunk} together with what was kept back; returns the text safe to release now. */
        public String push(String chunk) {
            if (forms.length == 0) {
                return chunk;
            }
            String text = pending.isEmpty() ? chunk : pending + chunk;
            int hold = holdFrom(text);
            pending = text.substring(hold);
            return mask(text.substring(0, hold));
        }

        /** Releases, masked, whatever was kept back; the stream can be reused afterwards. */
        public String flush() {
            String rest = mask(pending);
            pending = "";
            return rest;
        }
    }

    /**
     * Where the releasable prefix of {@code text} ends: at the first scan position (never inside a match) from
     * which the rest of the text is a proper prefix of some secret form, so it may still grow into a secret.
     */
    private int holdFrom(String text) {
        int n = text.length();
        int window = n - longest + 1;
        int i = 0;
        while (i < n) {
            if (!firstChars.get(text.charAt(i))) {
                i++;
                continue;
            }
            if (i >= window && isPartialAt(text, i)) {
                return i;
            }
            i += Math.max(matchAt(text, i), 1);
        }
        return n;
    }

    private boolean isPartialAt(String text, int p) {
        int remaining = text.length() - p;
        for (String form : forms) {
            if (form.length() > remaining && form.regionMatches(0, text, p, remaining)) {
                return true;
            }
        }
        return false;
    }

    private int matchAt(String text, int i) {
        for (String form : forms) {
            if (text.startsWith(form, i)) {
                return form.length();
            }
        }
        return 0;
    }

    private static List<String> formsOf(String value) {
        List<String> forms = new ArrayList<>();
        forms.add(value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getMimeEncoder().encodeToString(bytes));
        String urlEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(urlEncoded);
        forms.add(urlEncoded.replace("+", "%20"));
        if (value.indexOf('\n') >= 0) {
            forms.add(value.replace("\r\n", "\n"));
            forms.add(value.replace("\r\n", "\n").replace("\n", "\r\n"));
            for (String line : value.split("\\R")) {
                forms.add(line.strip());
            }
        }
        return forms;
    }
}
