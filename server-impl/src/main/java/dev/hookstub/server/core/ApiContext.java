package dev.hookstub.server.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.config.Fixtures;
import java.time.Clock;

/**
 * What the server hands every API alike: the configured credentials and fixtures, and the one JSON mapper, id
 * generator and clock they all share (the clock is the steerable one of {@code POST /__admin/clock}).
 */
public record ApiContext(Credentials credentials, Fixtures fixtures, ObjectMapper mapper, IdGenerator ids,
                         Clock clock) {
}
