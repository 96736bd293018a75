package dev.hookstub.conformance.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hookstub.conformance.preset.Preset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A declared response no request can provoke from the stub, with the reason; listed in
 * {@code src/test/resources/unreachable-responses.yaml}, the one place such exceptions live.
 */
record UnreachableResponse(String spec, String operationId, String status, String reason) {

    static final String RESOURCE = "unreachable-responses.yaml";

    static List<UnreachableResponse> load() {
        try (InputStream in = UnreachableResponse.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<UnreachableResponse> parse(JsonNode document) {
        List<UnreachableResponse> entries = new ArrayList<>();
        for (JsonNode entry : document.path("unreachable")) {
            String apiId = entry.path("api").asText();
            Preset api = Arrays.stream(Preset.values()).filter(a -> a.id().equals(apiId)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": unknown api '" + apiId + "'"));
            String reason = entry.path("reason").asText("");
            if (reason.isBlank()) {
                throw new IllegalStateException(RESOURCE + ": " + apiId + " " + entry.path("operationId").asText()
                        + " " + entry.path("status").asText() + " has no reason");
            }
            entries.add(new UnreachableResponse(api.id(), entry.path("operationId").asText(), entry.path("status").asText(),
                    reason));
        }
        return entries;
    }
}
