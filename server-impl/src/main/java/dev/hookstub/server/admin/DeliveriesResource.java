package dev.hookstub.server.admin;

import dev.hookstub.api.admin.DeliveriesApi;
import dev.hookstub.api.admin.model.AdminDelivery;
import dev.hookstub.api.admin.model.AdminDeliveryStatus;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.delivery.Delivery;
import dev.hookstub.server.delivery.DeliveryDispatcher;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * An API's delivery log ({@link DeliveriesApi}): {@code GET /{api}/deliveries[/{id}]} and
 * {@code POST /{api}/deliveries/{id}/retry}.
 */
public final class DeliveriesResource implements DeliveriesApi {

    private final DeliveryDispatcher dispatcher;

    DeliveriesResource(DeliveryDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Response listDeliveries(String api, AdminDeliveryStatus status, String webhookId) {
        return Response.ok(dispatcher.list(api).stream()
                .filter(delivery -> status == null || delivery.status().json().equals(status.toString()))
                .filter(delivery -> webhookId == null || delivery.webhookId().equals(webhookId))
                .map(DeliveriesResource::view)
                .toList()).build();
    }

    @Override
    public Response getDelivery(String api, String id) {
        return Response.ok(view(dispatcher.find(api, id)
                .orElseThrow(() -> ApiProblem.notFound("No " + api + " delivery " + id + ".")))).build();
    }

    @Override
    public Response retryDelivery(String api, String id) {
        return Response.accepted(view(dispatcher.retry(api, id))).build();
    }

    /** The log entry without the request's headers: they carry the webhook's secrets. */
    private static AdminDelivery view(Delivery delivery) {
        return new AdminDelivery()
                .id(delivery.id())
                .webhookId(delivery.webhookId())
                .eventType(delivery.eventType())
                .url(delivery.url())
                .status(AdminDeliveryStatus.fromValue(delivery.status().json()))
                .attempts((long) delivery.attempts())
                .maxAttempts((long) delivery.attemptLimit())
                .lastResponseCode(delivery.lastResponseCode() == null ? null : delivery.lastResponseCode().longValue())
                .lastError(delivery.lastError())
                .createdAt(delivery.createdAt().toString())
                .lastAttemptAt(text(delivery.lastAttemptAt()))
                .durationMs(delivery.durationMs())
                .nextAttemptAt(text(delivery.nextAttemptAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
