package dev.hookstub.server.journal;

import dev.hookstub.openapi.OpenApiSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpResponsePacket;

/**
 * The requests the four APIs answered, a bounded ring per API ({@code --journal-size}, 0 keeps none), for
 * {@code /__admin/{api}/requests}; and the request log. Requests to the admin API, {@code /health} and the spec
 * documents are not the APIs' and are not journaled.
 */
public final class RequestJournal {

    /** An API as the journal needs it: its name, where it is mounted, and its spec (paths, security schemes). */
    public record Api(String id, String contextPath, OpenApiSpec spec) {
    }

    // Filled as each API loads, while the server already answers the ones loaded before it.
    private final Map<String, ApiJournal> byId = new ConcurrentHashMap<>();
    private final Map<String, ApiJournal> byContextPath = new ConcurrentHashMap<>();
    private final JournalOptions options;

    public RequestJournal(JournalOptions options) {
        this.options = options;
    }

    /** Starts journaling an API's requests. */
    public void add(Api api) {
        ApiJournal journal = new ApiJournal(api.id(), api.contextPath(), api.spec(), options);
        byId.put(api.id(), journal);
        byContextPath.put(api.contextPath(), journal);
    }

    /** The journal of the API mounted at this context path, or null when it records nothing (or there is none). */
    public ApiJournal at(String contextPath) {
        ApiJournal journal = byContextPath.get(contextPath);
        return journal != null && journal.active() ? journal : null;
    }

    /**
     * Finishes each journaled request as its response head is serialized; registered with the server's HTTP
     * monitoring before it starts.
     */
    public HttpProbe probe() {
        return new HttpProbe.Adapter() {
            @Override
            public void onHeaderSerializeEvent(Connection connection, HttpHeader header, Buffer buffer) {
                if (header instanceof HttpResponsePacket response) {
                    PendingEntry.headWritten(response);
                }
            }
        };
    }

    /** Whether any API records or logs its requests; when none does, the server needs no {@link #probe()}. */
    public boolean active() {
        return options.active();
    }

    public boolean knows(String api) {
        return byId.containsKey(api);
    }

    /** The API's entries matching the query, newest first. */
    public List<JournalEntry> find(String api, JournalQuery query) {
        return journal(api).newestFirst().stream().filter(query::matches).toList();
    }

    public void clear(String api) {
        journal(api).clear();
    }

    public void clear() {
        byId.values().forEach(ApiJournal::clear);
    }

    private ApiJournal journal(String api) {
        ApiJournal journal = byId.get(api);
        if (journal == null) {
            throw new IllegalArgumentException("No API named " + api);
        }
        return journal;
    }
}
