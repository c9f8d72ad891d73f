package dev.flowbench.app.desktop.workbench;

import java.util.Properties;
import java.util.TreeMap;

/**
 * Formats properties as the text of a {@code .properties} file that {@link Properties#load(java.io.Reader)} reads
 * back unchanged: a comment line, then one {@code key=value} line per entry, sorted by key.
 *
 * <p>Unlike {@link Properties#store}, it writes no date line: the file changes only when a value does, and
 * formatting a date would look up the time-zone providers, a scan of the whole class path that slowed every start
 * of the editor by tens of milliseconds. Text stays Unicode (the files are read and written as UTF-8).
 */
final class PropertiesText {
    private PropertiesText() {}

    /** The file text for {@code properties}, headed by {@code comment} (one line). */
    static String format(String comment, Properties properties) {
        var text = new StringBuilder("# ")
                .append(comment.replaceAll("[\r\n]+", " "))
                .append('\n');
        var sorted = new TreeMap<String, String>();
        for (String key : properties.stringPropertyNames()) {
            sorted.put(key, properties.getProperty(key));
        }
        sorted.forEach((key, value) -> {
            escape(key, true, text);
            text.append('=');
            escape(value, false, text);
            text.append('\n');
        });
        return text.toString();
    }

    private static void escape(String s, boolean key, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
    }
}
