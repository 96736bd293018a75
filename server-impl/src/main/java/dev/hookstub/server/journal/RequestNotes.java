package dev.hookstub.server.journal;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.Request;

/**
 * What the layers that answer a request tell the journal about it, as request attributes: why it was refused, the
 * body they read, and what a forwarded request and its answer break of the spec. In Jersey on Grizzly a request property is the Grizzly request's attribute, so a filter, an
 * exception mapper and a fast path all hand over the same way, and the journal never reads a body a second time.
 */
public final class RequestNotes {

    /** Why the request was refused: the rule and what it said, e.g. {@code authentication: no Authorization header}. */
    public static final String REFUSAL = "dev.hookstub.journal.refusal";
    /** The request body as the handler read it (a {@code byte[]}, never copied or changed). */
    public static final String BODY = "dev.hookstub.journal.body";
    /** What the proxy found the request and its answer break of the spec (a {@code List<SpecViolation>}). */
    public static final String VIOLATIONS = "dev.hookstub.journal.violations";

    private RequestNotes() {
    }

    /** One wording for every refusal: the rule that refused, the field it is about (if any), and its detail. */
    public static String reason(String rule, String field, String detail) {
        return rule + ": " + (field == null ? "" : field + ": ") + detail;
    }

    /** Notes why the request is refused, unless a layer closer to the cause already said so. */
    public static void refusal(ContainerRequestContext request, String reason) {
        if (request.getProperty(REFUSAL) == null) {
            request.setProperty(REFUSAL, reason);
        }
    }

    public static void refusal(Request request, String reason) {
        // A Grizzly request's attributes are its packet's.
        refusal(request.getRequest(), reason);
    }

    /** The same, for a request no handler serves (the HTTP codec refused it). */
    public static void refusal(HttpRequestPacket request, String reason) {
        if (request.getAttribute(REFUSAL) == null) {
            request.setAttribute(REFUSAL, reason);
        }
    }

    public static void body(ContainerRequestContext request, byte[] body) {
        request.setProperty(BODY, body);
    }

    public static void body(Request request, byte[] body) {
        request.setAttribute(BODY, body);
    }

    /** Set before the answer's head is written, which is when the journal takes its entry. */
    public static void violations(Request request, java.util.List<SpecViolation> violations) {
        request.setAttribute(VIOLATIONS, java.util.List.copyOf(violations));
    }
}
