package com.example.webhooks;

import dev.hookstub.client.mollie.WebhooksApi;
import dev.hookstub.client.mollie.invoker.ApiClient;
import dev.hookstub.client.mollie.invoker.ApiException;
import dev.hookstub.client.mollie.model.MollieGetWebhook200Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The user's own code: reads Mollie webhook subscriptions and checks the signature of what Mollie delivers. */
public final class MollieWebhooks {

    private final WebhooksApi api;

    public MollieWebhooks(String baseUrl, String token) {
        ApiClient client = new ApiClient();
        client.setBasePath(baseUrl);
        client.setBearerToken(token);
        this.api = new WebhooksApi(client);
    }

    /** The subscription's URL, or null when Mollie does not know it. */
    public String urlOf(String webhookId, boolean testmode) throws ApiException {
        try {
            MollieGetWebhook200Response webhook = api.getWebhook(webhookId, testmode);
            return webhook.getUrl();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** {@code X-Mollie-Signature}: HMAC-SHA256 of the raw body with the subscription's signing secret, hex. */
    public static boolean signedByMollie(String body, String signatureHeader, String signingSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            String given = signatureHeader.startsWith("sha256=") ? signatureHeader.substring(7) : signatureHeader;
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
