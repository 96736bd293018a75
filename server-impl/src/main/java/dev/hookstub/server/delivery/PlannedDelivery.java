package dev.hookstub.server.delivery;

import java.util.Map;

/**
 * One webhook's request for one event, as its API builds it: the body (already signed over), the provider's own
 * headers (signatures, {@code Authorization}) and the headers the webhook's owner configured, which rank lowest,
 * and the webhook's Standard Webhooks secret, which signs each attempt.
 */
public record PlannedDelivery(String deliveryId, String webhookId, String url, String body,
                              Map<String, String> providerHeaders, Map<String, String> customHeaders,
                              String standardWebhooksSecret) {

    public PlannedDelivery {
        providerHeaders = Map.copyOf(providerHeaders);
        customHeaders = customHeaders == null ? Map.of() : Map.copyOf(customHeaders);
    }
}
