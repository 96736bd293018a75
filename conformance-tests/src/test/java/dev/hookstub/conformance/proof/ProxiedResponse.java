package dev.hookstub.conformance.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A response passing back through the proxy. */
record ProxiedResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isClientError() {
        return status >= 400 && status < 500;
    }

    ProxiedResponse withStatus(int newStatus) {
        return new ProxiedResponse(newStatus, headers, body);
    }

    ProxiedResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((key, values) -> {
            if (!key.equalsIgnoreCase(name)) {
                copy.put(key, values);
            }
        });
        copy.put(name, List.of(value));
        return new ProxiedResponse(status, copy, body);
    }

    ProxiedResponse withBody(String newBody) {
        return new ProxiedResponse(status, headers, newBody.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON body, if it is JSON. */
    Optional<JsonNode> json() {
        try {
            return body.length == 0 ? Optional.empty() : Optional.ofNullable(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The body rewritten by {@code change}; unchanged when it is not JSON. */
    ProxiedResponse withJson(UnaryOperator<JsonNode> change) {
        return json().map(node -> withBody(change.apply(node.deepCopy()).toString())).orElse(this);
    }
}
