package dev.hookstub.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One request the receiver got.
 *
 * @param headers names in lower case
 */
public record ReceivedDelivery(String method, String path, Map<String, List<String>> headers, String body,
                               Instant receivedAt) {

    /** The signature headers of the providers that sign: MijnKlantportaal, Equals Money, Mollie. */
    private static final List<String> SIGNATURE_HEADERS =
            List.of("x-webhook-signature", "x-em-signature", "x-mollie-signature");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the delivery's body is not JSON: " + body, e);
        }
    }

    /** The Standard Webhooks {@code webhook-id}: the same on every attempt of one delivery. */
    public String webhookId() {
        return header("webhook-id").orElseThrow(() -> new AssertionError("no webhook-id header"));
    }

    /**
     * Whether the body is signed with {@code secret} as the provider signs it: HMAC-SHA256 of the raw body,
     * lowercase hex, in its signature header (a {@code sha256=} prefix is accepted, as Mollie's SDKs accept it).
     * False when the delivery carries no signature header (Partoo signs nothing).
     */
    public boolean signatureValid(String secret) {
        for (String name : SIGNATURE_HEADERS) {
            Optional<String> given = header(name);
            if (given.isPresent()) {
                String value = given.get().startsWith("sha256=") ? given.get().substring(7) : given.get();
                return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                        hmacHex(secret, body).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return false;
    }

    /**
     * Whether the Standard Webhooks {@code webhook-signature} holds a {@code v1,} signature made with
     * {@code whsecSecret} (the record's {@code standardWebhooksSecret} from the admin API) over
     * {@code webhook-id.webhook-timestamp.body}, as the Standard Webhooks libraries check it (without their
     * five-minute timestamp window: a test may look at a delivery later).
     */
    public boolean standardWebhooksSignatureValid(String whsecSecret) {
        Optional<String> id = header("webhook-id");
        Optional<String> timestamp = header("webhook-timestamp");
        Optional<String> signatures = header("webhook-signature");
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(whsecSecret.startsWith("whsec_") ? whsecSecret.substring(6) : whsecSecret);
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(
                hmac(key, id.get() + "." + timestamp.get() + "." + body))).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures.get().split(" ")) {
            if (MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII), expected)) {
                return true;
            }
        }
        return false;
    }

    private static String hmacHex(String secret, String body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
