package dev.hookstub.conformance.proof;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request passing through the proxy; {@code pathAndQuery} is raw, e.g. {@code /partoo/v2/webhooks/1?org_id=1}. */
record ProxiedRequest(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }

    ProxiedRequest withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((key, values) -> {
            if (!key.equalsIgnoreCase(name)) {
                copy.put(key, values);
            }
        });
        copy.put(name, List.of(value));
        return new ProxiedRequest(method, pathAndQuery, copy, body);
    }

    ProxiedRequest withMethod(String newMethod) {
        return new ProxiedRequest(newMethod.toUpperCase(Locale.ROOT), pathAndQuery, headers, body);
    }

    ProxiedRequest withPathAndQuery(String newPathAndQuery) {
        return new ProxiedRequest(method, newPathAndQuery, headers, body);
    }

    String path() {
        return pathAndQuery.split("\\?", 2)[0];
    }
}
