package dev.hookstub.server.mollie;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mollie's HAL {@code _links}: the object itself and its documentation, each an {@code href} and a {@code type}. */
final class MollieLinks {

    static final String WEBHOOK_DOCUMENTATION = "https://docs.mollie.com/reference/get-webhook";

    private MollieLinks() {
    }

    static ObjectNode of(String self, String documentation) {
        ObjectNode links = JsonNodeFactory.instance.objectNode();
        links.putObject("self").put("href", self).put("type", "application/hal+json");
        links.putObject("documentation").put("href", documentation).put("type", "text/html");
        return links;
    }

    /** A webhook's, whose self link is the URL it was read at. */
    static ObjectNode webhook(String self) {
        return of(self, WEBHOOK_DOCUMENTATION);
    }
}
