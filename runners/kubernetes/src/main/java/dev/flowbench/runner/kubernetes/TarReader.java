package dev.flowbench.runner.kubernetes;

import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunnerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the regular files of a tar stream (ustar, with GNU long names and pax paths, as GNU and busybox tar
 * write them) below a directory; entries escaping it are rejected. Directories, links and devices are skipped:
 * only files come back from a pod.
 */
final class TarReader {

    private static final int BLOCK = 512;

    private TarReader() {}

    /** Extracts {@code tar} into {@code directory}; returns the relative names written, in archive order. */
    static List<String> extract(InputStream tar, Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (readFully(tar, header)) {
            if (isZero(header)) {
                break;
            }
            String name = longName != null ? longName : name(header);
            longName = null;
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (type == 'L' || type == 'x') {
                byte[] data = tar.readNBytes((int) size);
                skip(tar, padding(size));
                longName = type == 'L' ? cString(data) : paxPath(data);
                continue;
            }
            if (type == '0' || type == '\0') {
                String relative = name.startsWith("./") ? name.substring(2) : name;
                Path target = OutputFiles.resolveInside(directory, relative, "output file");
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    copy(tar, out, size);
                }
                names.add(relative);
            } else {
                skip(tar, size);
            }
            skip(tar, padding(size));
        }
        return names;
    }

    private static String name(byte[] header) {
        String name = cString(java.util.Arrays.copyOfRange(header, 0, 100));
        String magic = new String(header, 257, 5, StandardCharsets.US_ASCII);
        if (magic.equals("ustar")) {
            String prefix = cString(java.util.Arrays.copyOfRange(header, 345, 500));
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String paxPath(byte[] data) {
        // records: "<length> key=value\n"
        String text = new String(data, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            throw new RunnerException("the output files archive holds a file too large to transfer");
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                value = value * 8 + (b - '0');
            } else if (value > 0 && (b == 0 || b == ' ')) {
                break;
            }
        }
        return value;
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read == 0) {
            return false;
        }
        if (read < buffer.length) {
            throw new RunnerException("the output files archive is truncated");
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new RunnerException("the output files archive is truncated");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void skip(InputStream in, long count) throws IOException {
        in.skipNBytes(count);
    }
}
