package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** MijnKlantportaal's rules: ids {@code wbh_} + 14, a 20-character secret, one tenant per API key. */
final class MijnklantportaalWebhookService {

    private final WebhookStore<SpecRecord> store;
    private final RecordShape records;
    /**
     * Each documented type to itself: a record keeps this instance, not the request's copy, so that a million stored
     * records share a handful of strings instead of holding a million (about 56 bytes each; docs/adr/005).
     */
    private final Map<String, String> eventTypes;
    private final IdGenerator ids;
    private final Clock clock;

    MijnklantportaalWebhookService(WebhookStore<SpecRecord> store, RecordShape records, Set<String> eventTypes,
                                   IdGenerator ids, Clock clock) {
        this.store = store;
        this.records = records;
        this.eventTypes = eventTypes.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));
        this.ids = ids;
        this.clock = clock;
    }

    SpecRecord create(MijnklantportaalTenant tenant, String url, String requestedType) {
        String type = requestedType == null ? null : eventTypes.get(requestedType);
        if (type == null) {
            throw ApiProblem.invalid(422, "type", "The type field must be one of the documented event types; '"
                    + abbreviate(requestedType) + "' is not one of them.");
        }
        if (!isAbsoluteHttpUrl(url)) {
            throw ApiProblem.invalid(422, "url", "The url field must be an absolute http or https URL.");
        }
        while (true) {
            // 36^14 ids make a collision unlikely, not impossible; a clash must never overwrite a record.
            SpecRecord record = records.record(Map.of("id", "wbh_" + ids.lowerAlphanumeric(14), "type", type,
                    "url", url, "secret", ids.alphanumeric(20), "createdAt", clock.instant(),
                    MijnklantportaalApi.TENANT, tenant.name()));
            if (store.insert(record)) {
                return record;
            }
        }
    }

    SpecRecord get(MijnklantportaalTenant tenant, String id) {
        return store.find(id)
                .filter(record -> tenant.name().equals(record.text(MijnklantportaalApi.TENANT)))
                .orElseThrow(() -> ApiProblem.notFound("No Webhook record can be found for the given ID."));
    }

    static boolean isAbsoluteHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
