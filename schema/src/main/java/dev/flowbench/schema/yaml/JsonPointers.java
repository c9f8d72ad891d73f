package dev.flowbench.schema.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds and splits JSON pointers (RFC 6901) such as {@code /tasks/0/taskRunner/pullPolicy}: the addresses
 * {@link YamlDocument} and validation use for values.
 *
 * <p>The empty string is the root; {@code ~} and {@code /} inside a key are written {@code ~0} and {@code ~1}.
 */
public final class JsonPointers {
    private JsonPointers() {}

    /** The pointer of key {@code key} inside the mapping at {@code parent}. */
    public static String child(String parent, String key) {
        return parent + '/' + escape(key);
    }

    /** The pointer of item {@code index} inside the sequence at {@code parent}. */
    public static String child(String parent, int index) {
        return parent + '/' + index;
    }

    /** The pointer made of these unescaped segments, e.g. {@code of("tasks", "0")} is {@code /tasks/0}. */
    public static String of(String... segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(escape(segment));
        }
        return pointer.toString();
    }

    /** The unescaped segments of {@code pointer}; empty for the root. */
    public static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer.isEmpty()) {
            return segments;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
        }
        int start = 1;
        while (true) {
            int slash = pointer.indexOf('/', start);
            String raw = pointer.substring(start, slash < 0 ? pointer.length() : slash);
            segments.add(unescape(raw));
            if (slash < 0) {
                return segments;
            }
            start = slash + 1;
        }
    }

    /** The pointer of the value holding {@code pointer}; null for the root. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? null : pointer.substring(0, slash);
    }

    /** The last segment of {@code pointer}, unescaped; null for the root. */
    public static String last(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? null : unescape(pointer.substring(slash + 1));
    }

    /** Whether {@code pointer} is {@code ancestor} itself or lies below it. */
    public static boolean isWithin(String pointer, String ancestor) {
        return pointer.startsWith(ancestor)
                && (pointer.length() == ancestor.length() || pointer.charAt(ancestor.length()) == '/');
    }

    /** {@code key} with {@code ~} and {@code /} escaped. */
    public static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String segment) {
        if (segment.indexOf('~') < 0) {
            return segment;
        }
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
