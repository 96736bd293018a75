package dev.hookstub.server.replay;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The fast carrier in front of one API's Jersey application. Jersey answers every request; a GET's answer is kept,
 * keyed by everything it can depend on (method, target, every header: credential, Host, Accept...), with the
 * version of the API's data it came from, and replayed byte for byte to the same request until that data changes.
 * So auth, validation, the service and every error format have one definition, the Jersey application's, and the
 * replay is the same answer by construction. See docs/adr/002-one-definition-and-a-replay-carrier.md.
 */
public final class ReplayCarrier extends HttpHandler {

    private final HttpHandler jersey;
    private final LongSupplier dataVersion;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Replay> replays = new ConcurrentHashMap<>();
    private final LongAdder replayed = new LongAdder();

    /**
     * @param dataVersion moves on whenever the API's data changes (its store's version)
     * @param maxEntries  answers kept at most; past that the cache starts over, so hostile or varied traffic costs
     *                    bounded memory
     */
    public ReplayCarrier(HttpHandler jersey, LongSupplier dataVersion, int maxEntries) {
        super("replay+" + jersey.getName());
        this.jersey = jersey;
        this.dataVersion = dataVersion;
        this.maxEntries = maxEntries;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getMethod() != Method.GET) {
            jersey.service(request, response);
            return;
        }
        String key = key(request);
        long version = dataVersion.getAsLong();
        Replay replay = replays.get(key);
        if (replay != null && replay.version() == version) {
            replay.writeTo(response);
            replayed.increment();
            return;
        }
        request.setAttribute(Recording.ATTRIBUTE, new Recording(this, key, version));
        jersey.service(request, response);
    }

    /** Called by the recorder with a complete answer. */
    void keep(String key, Replay replay) {
        if (replays.size() >= maxEntries) {
            replays.clear();
        }
        replays.put(key, replay);
    }

    /** Answers kept now. */
    int size() {
        return replays.size();
    }

    /** Answers replayed since start, so tests can tell the carrier is in use. */
    public long replayed() {
        return replayed.sum();
    }

    /** The request as far as an answer can depend on it: method, target and every header, in order. */
    static String key(Request request) {
        StringBuilder key = new StringBuilder(256).append(request.getMethod().getMethodString()).append(' ')
                .append(request.getRequest().getRequestURI());
        String query = request.getQueryString();
        if (query != null) {
            key.append('?').append(query);
        }
        for (String name : request.getHeaderNames()) {
            for (String value : request.getHeaders(name)) {
                key.append('\n').append(name).append(':').append(value);
            }
        }
        return key.toString();
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }
}
