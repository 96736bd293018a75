package dev.hookstub.server.journal;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.spec.RequestPaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.Request;

/** One API's side of the journal: what is captured of its requests, its ring, and its log lines. */
public final class ApiJournal {

    private final String id;
    private final String contextPath;
    private final OpenApiSpec spec;
    private final CredentialMask mask;
    /** Null when the journal keeps nothing. */
    private final RequestRing ring;
    private final boolean log;
    private final boolean active;

    ApiJournal(String id, String contextPath, OpenApiSpec spec, JournalOptions options) {
        this.id = id;
        this.contextPath = contextPath;
        this.spec = spec;
        this.mask = new CredentialMask(spec);
        this.ring = options.size() == 0 ? null : new RequestRing(options.size());
        this.log = options.logRequests();
        this.active = options.active();
    }

    String id() {
        return id;
    }

    /** Whether requests are recorded or logged at all; when not, {@link #begin} costs nothing. */
    boolean active() {
        return active;
    }

    /**
     * Captures what the request says about itself; the entry is finished (status, duration, refusal, body) when
     * its response head is written, which may be later and on another thread.
     */
    public void begin(Request request) {
        if (active()) {
            PendingEntry.attach(request, pending(request.getRequest()));
        }
    }

    /**
     * Captures a request the HTTP codec refuses before any handler runs (broken framing), with why; it is finished
     * as the refusal's head is written. What the codec had not yet parsed (headers after a broken one) is not there.
     */
    public void beginRefused(HttpRequestPacket request, String reason) {
        if (active()) {
            RequestNotes.refusal(request, reason);
            PendingEntry.attach(request, pending(request));
        }
    }

    private PendingEntry pending(HttpRequestPacket request) {
        List<String> headers = new ArrayList<>(16);
        for (String name : request.getHeaders().names()) {
            for (String value : request.getHeaders().values(name)) {
                if (value != null) {
                    headers.add(name);
                    headers.add(mask.header(name, value));
                }
            }
        }
        return new PendingEntry(this, System.nanoTime(), System.currentTimeMillis(),
                request.getMethod().getMethodString(), request.getRequestURI(), mask.query(request.getQueryString()),
                headers.toArray(new String[0]));
    }

    /** Records a finished request (and logs it); the attributes are the ones the answering layers noted. */
    void finish(PendingEntry pending, int status, HttpRequestPacket attributes) {
        long duration = System.nanoTime() - pending.startNanos();
        Object refusal = attributes.getAttribute(RequestNotes.REFUSAL);
        Object read = attributes.getAttribute(RequestNotes.BODY);
        byte[] body = read instanceof byte[] bytes ? bytes : null;
        boolean truncated = body != null && body.length > JournalEntry.MAX_BODY_BYTES;
        // The handler's array is kept as it is (never changed after reading); only a long one is copied, cut short.
        byte[] kept = truncated ? Arrays.copyOf(body, JournalEntry.MAX_BODY_BYTES) : body;
        String path = pending.path();
        String reason = refusal instanceof String text ? text : null;
        @SuppressWarnings("unchecked")
        List<SpecViolation> violations = attributes.getAttribute(RequestNotes.VIOLATIONS) instanceof List<?> noted
                ? (List<SpecViolation>) noted : null;
        if (ring != null) {
            // The path template is left for listing time: matching is the costliest part, and most entries are
            // never listed.
            ring.add(sequence -> new JournalEntry(sequence, id, pending.receivedAtMillis(), pending.method(), path,
                    pending.query(), null, pending.headers(), kept, truncated, status, duration, reason, violations));
        }
        if (log) {
            RequestLog.line(id, pending.method(), path, pending.query(), status, duration, reason);
        }
    }

    /** The entries held, newest first, with their path templates. */
    List<JournalEntry> newestFirst() {
        return ring == null ? List.of() : ring.newestFirst().stream().map(entry -> entry.withPathTemplate(
                RequestPaths.template(spec, entry.path().startsWith(contextPath)
                        ? entry.path().substring(contextPath.length()) : entry.path()))).toList();
    }

    void clear() {
        if (ring != null) {
            ring.clear();
        }
    }
}
