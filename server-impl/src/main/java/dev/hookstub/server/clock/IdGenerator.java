package dev.hookstub.server.clock;

import java.security.SecureRandom;
import java.util.UUID;

/** Random identifiers and secrets; secrets come from a cryptographic source because receivers verify with them. */
public final class IdGenerator {

    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /**
     * Made on first use, not with the stub: loading the JDK's security providers took the start's main thread
     * milliseconds before the first answer, which needs no id (docs/adr/006).
     */
    private volatile SecureRandom random;

    public String lowerAlphanumeric(int length) {
        return pick(LOWER_ALNUM, length);
    }

    public String alphanumeric(int length) {
        return pick(ALNUM, length);
    }

    public UUID uuid() {
        return UUID.randomUUID();
    }

    private SecureRandom random() {
        SecureRandom made = random;
        if (made == null) {
            synchronized (this) {
                if (random == null) {
                    random = new SecureRandom();
                }
                made = random;
            }
        }
        return made;
    }

    /**
     * Characters drawn uniformly from the alphabet. The random bytes come in one call per id, not one per character:
     * the source is shared and locks on every call, which under concurrent creates was a queue of its own. A byte
     * is used only below the largest multiple of the alphabet's size, so no character is likelier than another.
     */
    private String pick(char[] alphabet, int length) {
        int limit = 256 - 256 % alphabet.length;
        char[] out = new char[length];
        byte[] bytes = new byte[length + length / 2 + 4];
        int filled = 0;
        while (filled < length) {
            random().nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int value = bytes[i] & 0xff;
                if (value < limit) {
                    out[filled++] = alphabet[value % alphabet.length];
                }
            }
        }
        return new String(out);
    }
}
