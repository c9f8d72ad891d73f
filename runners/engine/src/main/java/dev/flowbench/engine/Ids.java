package dev.flowbench.engine;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Short random ids (22 base-62 characters, like Kestra's), safe in file names, labels and URLs. They need to be
 * unique, not secret, so a fast random source is enough.
 */
final class Ids {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    static String next() {
        char[] id = new char[22];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
