package dev.hookstub.conformance.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kinds of invalid request a server leaves unanswered. A server that never answers, say, malformed JSON costs the
 * whole request timeout on every operation with a body; after {@link #LIMIT} such silences the kind is reported
 * (each silence already failed its check) and no longer sent, and the run says how many it held back.
 */
final class UnansweredCases {

    static final int LIMIT = 3;

    private final Map<String, Integer> silences = new LinkedHashMap<>();
    private final Map<String, Integer> heldBack = new LinkedHashMap<>();

    /** Whether to send {@code requestCase}; false once its kind went unanswered {@link #LIMIT} times. */
    boolean allows(RequestCase requestCase) {
        String kind = kind(requestCase);
        if (silences.getOrDefault(kind, 0) < LIMIT) {
            return true;
        }
        heldBack.merge(kind, 1, Integer::sum);
        return false;
    }

    void record(Exchange exchange) {
        if (!exchange.answered()) {
            silences.merge(kind(exchange.requestCase()), 1, Integer::sum);
        }
    }

    List<String> notes(long timeoutMillis) {
        List<String> notes = new ArrayList<>();
        heldBack.forEach((kind, count) -> notes.add("the server left " + LIMIT + " requests of the kind '" + kind
                + "' unanswered within " + timeoutMillis + " ms (each failed its check); " + count
                + " more of that kind were not sent"));
        return notes;
    }

    /**
     * Invalid requests differ by the parameter they break; what is wrong with it is the kind. Generated requests
     * differ by their number only ({@code generated #3}): one kind, or a server that answers nothing would cost the
     * timeout on every one of them.
     */
    static String kind(RequestCase requestCase) {
        return requestCase.kind() + " " + requestCase.description().replaceFirst("^(\\w+ parameter) \\S+:", "$1:")
                .replaceAll("#\\d+", "#n");
    }
}
