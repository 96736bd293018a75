package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.MediaTypes;
import dev.hookstub.openapi.ParameterCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A body value written as its media type says: JSON as JSON, {@code text/*} as the text itself, a form as
 * {@code application/x-www-form-urlencoded} pairs, {@code multipart/form-data} as one part per member (per item of an
 * array member). Other media
 * types (XML, binary) are written only from a string the spec gives; a value of another shape cannot be sent as them.
 */
final class BodyEncoder {

    static final String BOUNDARY = "hookstub-conformance-boundary";

    private BodyEncoder() {
    }

    /** Whether a value of this media type can be written from a JSON value. */
    static boolean writable(String contentType) {
        String type = MediaTypes.essence(contentType);
        return MediaTypes.isJson(type) || type.startsWith("text/") || type.equals("application/x-www-form-urlencoded")
                || type.equals("multipart/form-data") || type.equals("*/*");
    }

    static Optional<RequestCase.Body> encode(String contentType, JsonNode value) {
        String type = MediaTypes.essence(contentType);
        if (MediaTypes.isJson(type) || type.equals("*/*")) {
            String sent = type.equals("*/*") ? "application/json" : contentType;
            return Optional.of(new RequestCase.Body(sent, value.toString()));
        }
        if (type.startsWith("text/")) {
            return Optional.of(new RequestCase.Body(contentType, ParameterCodec.text(value)));
        }
        if (type.equals("application/x-www-form-urlencoded") && value.isObject()) {
            List<String> pairs = new ArrayList<>();
            value.fields().forEachRemaining(member -> {
                if (member.getValue().isArray()) {
                    member.getValue().forEach(item -> pairs.add(pair(member.getKey(), item)));
                } else {
                    pairs.add(pair(member.getKey(), member.getValue()));
                }
            });
            return Optional.of(new RequestCase.Body(contentType, String.join("&", pairs)));
        }
        if (type.equals("multipart/form-data") && value.isObject()) {
            StringBuilder text = new StringBuilder();
            value.fields().forEachRemaining(member -> {
                if (member.getValue().isArray()) {
                    // OpenAPI's Encoding Object: an array's parts take their type from its items, one part each
                    // (the spec's own multiple-file upload); one JSON part was refused as "must be array".
                    member.getValue().forEach(item -> part(text, member.getKey(), item));
                } else {
                    part(text, member.getKey(), member.getValue());
                }
            });
            text.append("--").append(BOUNDARY).append("--\r\n");
            return Optional.of(new RequestCase.Body("multipart/form-data; boundary=" + BOUNDARY, text.toString()));
        }
        if (value.isTextual()) {
            return Optional.of(new RequestCase.Body(contentType, value.asText()));
        }
        return Optional.empty();
    }

    /** One part: an object as JSON, anything else as its text ({@code text/plain}, the default of a part). */
    private static void part(StringBuilder text, String name, JsonNode value) {
        text.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"')
                .append(value.isContainerNode() ? "\r\nContent-Type: application/json" : "")
                .append("\r\n\r\n").append(value.isContainerNode() ? value.toString() : ParameterCodec.text(value))
                .append("\r\n");
    }

    private static String pair(String name, JsonNode value) {
        String text = value.isContainerNode() ? value.toString() : ParameterCodec.text(value);
        return ParameterCodec.encode(name) + "=" + ParameterCodec.encode(text);
    }

    static boolean isJson(RequestCase.Body body) {
        return body != null && MediaTypes.isJson(body.contentType().toLowerCase(Locale.ROOT));
    }
}
