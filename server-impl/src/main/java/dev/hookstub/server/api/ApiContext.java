package dev.hookstub.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.spec.SpecSource;
import dev.hookstub.server.store.WebhookStores;
import java.time.Clock;

/**
 * What the server hands every API alike: the configured credentials, fixtures, specs and stores, and the one JSON
 * mapper, id generator and clock they all share (the clock is the steerable one of {@code POST /__admin/clock}).
 */
public record ApiContext(Credentials credentials, Fixtures fixtures, SpecSource specs, WebhookStores stores,
                         ObjectMapper mapper, IdGenerator ids, Clock clock) {
}
