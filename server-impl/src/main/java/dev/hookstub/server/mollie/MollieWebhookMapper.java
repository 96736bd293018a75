package dev.hookstub.server.mollie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.api.mollie.model.MollieGetWebhook200Response;
import dev.hookstub.api.mollie.model.MollieGetWebhook200ResponseLinks;
import dev.hookstub.api.mollie.model.MollieGetWebhook200ResponseLinksSelf;
import dev.hookstub.server.clock.Timestamps;
import java.util.ArrayList;
import java.util.List;

/** Between the stored record and the spec's webhook object, with its HAL links. */
final class MollieWebhookMapper {

    static final String DOCUMENTATION = "https://docs.mollie.com/reference/get-webhook";

    private MollieWebhookMapper() {
    }

    static MollieGetWebhook200Response toDto(MollieWebhookRecord record, String selfHref) {
        return new MollieGetWebhook200Response()
                .resource("webhook")
                .id(record.id())
                .url(record.url())
                .profileId(record.profileId())
                .createdAt(Timestamps.utcOffsetSeconds(record.createdAt()))
                .name(record.name())
                .eventTypes(new ArrayList<>(record.eventTypes()))
                .status(record.status())
                .mode(record.mode())
                .links(new MollieGetWebhook200ResponseLinks()
                        .self(new MollieGetWebhook200ResponseLinksSelf().href(selfHref).type("application/hal+json"))
                        .documentation(new MollieGetWebhook200ResponseLinksSelf().href(DOCUMENTATION).type("text/html")));
    }

    static MollieWebhookRecord fromJson(JsonNode json) {
        List<String> eventTypes = new ArrayList<>();
        json.path("eventTypes").forEach(t -> eventTypes.add(t.asText()));
        return new MollieWebhookRecord(json.path("id").asText(), json.path("url").asText(),
                json.path("profileId").isNull() ? null : json.path("profileId").asText(),
                Timestamps.parse(json.path("createdAt").asText()), json.path("name").asText(), eventTypes,
                json.path("status").asText(), json.path("mode").asText(),
                json.path("signingSecret").isTextual() ? json.path("signingSecret").asText() : null);
    }
}
