package dev.hookstub.server.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.server.spec.RequestPaths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * One API's chosen misbehaviour: the fault rules the admin API adds ({@code /__admin/{api}/faults}), checked in
 * the order added, the first that applies winning; and the {@code Prefer: code=} answers its spec documents.
 * Both are consulted by the front door before the API's own handler, so the fast path and Jersey alike are
 * subject to them.
 */
public final class ApiFaults {

    private final OpenApiSpec spec;
    private final PresentedCredential credential;
    private final FaultRuleReader reader;
    private final PreferredResponses preferred;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public ApiFaults(OpenApiSpec spec) {
        this.spec = spec;
        this.credential = PresentedCredential.of(spec);
        this.reader = new FaultRuleReader(spec);
        this.preferred = new PreferredResponses(spec);
    }

    /** Adds a rule read from the admin API's fields; a malformed one is a 400 naming the field and adds nothing. */
    public FaultRule add(JsonNode fields) {
        FaultRule rule = reader.read("flt_" + ids.incrementAndGet(), fields);
        rules.add(rule);
        return rule;
    }

    public List<FaultRule> list() {
        return List.copyOf(rules);
    }

    public boolean delete(String id) {
        return rules.removeIf(rule -> rule.id().equals(id));
    }

    public void clear() {
        rules.clear();
    }

    /**
     * The rule that applies to a request (its method, its path below the API's context path, its headers), now
     * counted as applied; or null.
     */
    public FaultRule applicable(String method, String path, UnaryOperator<String> headers) {
        if (rules.isEmpty()) {
            return null;
        }
        Operation operation = RequestPaths.operation(spec, asRead(method), path);
        String presented = credential.from(headers);
        for (FaultRule rule : rules) {
            if (rule.appliesTo(operation == null ? null : operation.label(), presented)) {
                return rule;
            }
        }
        return null;
    }

    /** The answer a {@code Prefer} header chose for a request, or null to serve it as usual. */
    public PreferredResponse preferred(String method, String path, String prefer) {
        return prefer == null ? null : preferred.choose(asRead(method), path, prefer);
    }

    /** A HEAD is its path's GET without the body (RFC 9110 §9.3.2): the GET's rules and answers are its. */
    private static String asRead(String method) {
        return "HEAD".equals(method) ? "GET" : method;
    }
}
