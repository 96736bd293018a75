package dev.hookstub.server.delivery;

import java.util.List;
import java.util.Optional;

/**
 * Every delivery and every webhook that answered 410, for the admin API and for the workers. Implementations are
 * thread-safe; the dispatcher serialises the changes to one delivery.
 */
public interface DeliveryLog {

    void insert(Delivery delivery);

    /** Replaces the delivery with the same id; false when there is none (the log was cleared meanwhile). */
    boolean update(Delivery delivery);

    Optional<Delivery> find(String id);

    /** Oldest first. */
    List<Delivery> all();

    void markGone(String api, String webhookId);

    boolean isGone(String api, String webhookId);

    /** Forgets every delivery and every gone webhook. */
    void clear();
}
