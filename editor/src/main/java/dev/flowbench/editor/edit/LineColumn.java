package dev.flowbench.editor.edit;

import java.util.Optional;

/**
 * A one-based "line" or "line:column" target typed into go-to-line.
 *
 * @param line one-based line
 * @param column one-based column, 1 when not given
 */
public record LineColumn(int line, int column) {

    /** Parses {@code 12} or {@code 12:5} (spaces allowed around the parts); empty when it is neither. */
    public static Optional<LineColumn> parse(String input) {
        String[] parts = input.strip().split("\\s*[:,]\\s*", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        try {
            int line = Integer.parseInt(parts[0]);
            int column = parts.length == 2 ? Integer.parseInt(parts[1]) : 1;
            return line >= 1 && column >= 1 ? Optional.of(new LineColumn(line, column)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
