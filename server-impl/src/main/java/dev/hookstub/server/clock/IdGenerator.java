package dev.hookstub.server.clock;

import java.security.SecureRandom;
import java.util.UUID;

/** Random identifiers and secrets; secrets come from a cryptographic source because receivers verify with them. */
public final class IdGenerator {

    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    public String lowerAlphanumeric(int length) {
        return pick(LOWER_ALNUM, length);
    }

    public String alphanumeric(int length) {
        return pick(ALNUM, length);
    }

    public UUID uuid() {
        return UUID.randomUUID();
    }

    private String pick(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
