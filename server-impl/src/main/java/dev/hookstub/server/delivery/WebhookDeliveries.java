package dev.hookstub.server.delivery;

import java.util.List;

/** How one API delivers its events: who is subscribed, what the request looks like, what a 410 does. */
public interface WebhookDeliveries {

    /**
     * The requests for every enabled webhook subscribed to the event's type, in the API's envelope and signed its
     * way; an empty list when none is. Throws {@code ApiProblem} (400, field {@code type}) for a type the API does
     * not document, where it documents them.
     */
    List<PlannedDelivery> plan(TriggeredEvent event);

    /** The types an event may have, in the provider's order; empty where it documents none (any is taken). */
    List<String> eventTypes();

    /**
     * How the provider retries a failed delivery, where it documents that; by default the stub's backoff from the
     * options, for a provider that documents none.
     */
    default RetrySchedule retrySchedule(DeliveryOptions options) {
        return RetrySchedule.backoff(options);
    }

    /** Whether the webhook is still there: a provider makes no attempt for one deleted since the event. */
    default boolean exists(String webhookId) {
        return true;
    }

    /** The receiver answered 410 Gone; an API with an enabled flag turns the webhook off, as its provider would. */
    default void webhookGone(String webhookId) {
    }
}
