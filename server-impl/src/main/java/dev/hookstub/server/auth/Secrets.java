package dev.hookstub.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Credential comparison that takes the same time whether the first or the last character differs. */
public final class Secrets {

    private Secrets() {
    }

    public static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Finds the entry whose key equals the presented credential, comparing against every key so that the time
     * taken does not reveal which key came close.
     */
    public static <T> T lookup(Iterable<T> entries, java.util.function.Function<T, String> key, String given) {
        T match = null;
        for (T entry : entries) {
            if (constantTimeEquals(key.apply(entry), given) && match == null) {
                match = entry;
            }
        }
        return match;
    }
}
