package dev.hookstub.server.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.server.spec.RequestPaths;
import dev.hookstub.server.spec.SpecExamples;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prism's {@code Prefer: code=NNN}: the response the operation documents for that status, without touching any
 * state. Its example when the spec has one (as {@link SpecExamples} finds it), else, for an error status, a
 * problem in the API's error format whose detail is the response's description; a status the operation does not
 * document is a 400 listing the ones it does.
 */
final class PreferredResponses {

    private static final Pattern CODE = Pattern.compile("(?:^|[\\s,;])code\\s*=\\s*\"?([^\\s,;\"]*)");
    private static final Pattern STATUS = Pattern.compile("[1-5][0-9][0-9]");

    private final OpenApiSpec spec;

    PreferredResponses(OpenApiSpec spec) {
        this.spec = spec;
    }

    /** The chosen answer, or null when the header names no code or the request is none of the spec's operations. */
    PreferredResponse choose(String method, String path, String prefer) {
        Matcher code = prefer == null ? null : CODE.matcher(prefer);
        if (code == null || !code.find()) {
            return null;
        }
        Operation operation = RequestPaths.operation(spec, method, path);
        if (operation == null) {
            return null;
        }
        List<String> documented = operation.responseStatuses();
        String status = code.group(1);
        if (!STATUS.matcher(status).matches() || !documented.contains(status)) {
            return new PreferredResponse.Problem(ApiProblem.invalid(400, null, "Prefer: code=" + status
                    + " is not a status the " + operation.label() + " operation documents; it documents "
                    + String.join(", ", documented) + "."));
        }
        JsonNode response = spec.node(spec.responsePointer(operation, status));
        JsonNode content = response.path("content");
        String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        JsonNode example = mediaType == null ? null : SpecExamples.response(spec, operation.pathTemplate(),
                operation.httpMethod().toLowerCase(java.util.Locale.ROOT), status);
        int chosen = Integer.parseInt(status);
        if (example != null && !example.isMissingNode()) {
            return new PreferredResponse.Example(chosen, mediaType, example);
        }
        if (chosen >= 400) {
            String title = ApiProblem.reasonPhrase(chosen);
            String description = response.path("description").asText("").strip();
            return new PreferredResponse.Problem(new ApiProblem(chosen, title,
                    description.isEmpty() ? title : description, null));
        }
        return new PreferredResponse.Example(chosen, mediaType, null);
    }
}
