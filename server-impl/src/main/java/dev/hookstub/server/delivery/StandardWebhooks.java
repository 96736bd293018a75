package dev.hookstub.server.delivery;

import dev.hookstub.server.store.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Standard Webhooks signature (standardwebhooks.com), sent beside each provider's own: {@code webhook-signature:
 * v1,<base64 HMAC-SHA256>} over {@code webhook-id + "." + webhook-timestamp + "." + body}, keyed with the bytes a
 * {@code whsec_<base64>} secret encodes. Each webhook's secret is derived, not stored, so that every API and every
 * record (fixtures, records from before) has one without a field of its own, and the same after a restart: 32 bytes of
 * HMAC-SHA256 over the webhook's id, keyed with the secret its provider signs with. A webhook its provider sends
 * unsigned (Partoo, Equals Money without {@code sharedSecret}) gets one keyed with a fixed string: it proves the body
 * intact, not who sent it, as unsigned as the provider's own delivery. The admin API shows it with each record.
 */
public final class StandardWebhooks {

    /** The key for webhooks whose provider signs nothing. */
    private static final byte[] UNSIGNED = "hookstub standard webhooks".getBytes(StandardCharsets.UTF_8);
    private static final String PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    /** The webhook's {@code whsec_} secret. */
    public static String secret(StoredRecord webhook) {
        byte[] key = webhook.signingSecret() == null ? UNSIGNED : webhook.signingSecret().getBytes(StandardCharsets.UTF_8);
        return PREFIX + Base64.getEncoder().encodeToString(Hmac.sha256(key, webhook.id()));
    }

    /** The {@code webhook-signature} value of one attempt. */
    static String signature(String secret, String deliveryId, String timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        return "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(key, deliveryId + "." + timestamp + "." + body));
    }
}
