package dev.hookstub.server.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The log without {@code --data-dir}: gone with the process, like the records. */
public final class InMemoryDeliveryLog implements DeliveryLog {

    static final Comparator<Delivery> OLDEST_FIRST =
            Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id);

    private final ConcurrentMap<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    @Override
    public void insert(Delivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public boolean update(Delivery delivery) {
        return deliveries.replace(delivery.id(), delivery) != null;
    }

    @Override
    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    @Override
    public List<Delivery> all() {
        List<Delivery> all = new ArrayList<>(deliveries.values());
        all.sort(OLDEST_FIRST);
        return all;
    }

    @Override
    public void markGone(String api, String webhookId) {
        gone.add(key(api, webhookId));
    }

    @Override
    public boolean isGone(String api, String webhookId) {
        return gone.contains(key(api, webhookId));
    }

    @Override
    public void clear() {
        deliveries.clear();
        gone.clear();
    }

    /** Replaces the contents with what the database holds, at start. */
    void load(List<Delivery> loaded, List<String[]> goneWebhooks) {
        clear();
        loaded.forEach(this::insert);
        goneWebhooks.forEach(pair -> markGone(pair[0], pair[1]));
    }

    private static String key(String api, String webhookId) {
        return api + '\n' + webhookId;
    }
}
