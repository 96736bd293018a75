package dev.hookstub.server.partoo;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import java.util.List;
import java.util.Map;

/**
 * Partoo's {@code {"errors": {...}}}: the key says what failed ({@code authentication} on 401,
 * {@code authorization} on 403, {@code json} on 404, as the spec's responses declare); a bad parameter is keyed by
 * where it came from and its name ({@code {"errors": {"query": {"org_id": ["..."]}}}}).
 * A webhook_id that is not an integer names no webhook: 404.
 */
final class PartooErrorFormat implements ErrorFormat {

    @Override
    public Object body(ApiProblem problem) {
        return Map.of("errors", errors(problem));
    }

    private static Object errors(ApiProblem problem) {
        return switch (problem.status()) {
            case 401 -> Map.of("authentication", problem.detail());
            case 403 -> Map.of("authorization", problem.detail());
            case 404 -> Map.of("json", problem.detail());
            default -> problem.field() == null
                    ? Map.of("json", problem.detail())
                    : Map.of(problem.status() == 400 ? "query" : "json", Map.of(problem.field(), List.of(problem.detail())));
        };
    }
}
