package dev.hookstub.server.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature every provider here uses (or, where its docs are silent, that the stub assumes). */
public final class Hmac {

    private Hmac() {
    }

    /** HMAC-SHA256 of the exact bytes sent, keyed with the secret's UTF-8 bytes, as lowercase hex. */
    public static String sha256Hex(String secret, String body) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** HMAC-SHA256 of the message's UTF-8 bytes under a raw key. */
    static byte[] sha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
