package dev.hookstub.server.http;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts the front door in the listener's chain as the chain is built: as the HTTP server filter's handler, and as the
 * voice of the HTTP codec's refusals ({@link FramingErrorCodec} in place of Grizzly's codec).
 * <p>
 * The handler is set here because Grizzly's {@code HttpServer.start} starts its listeners before it hands them its
 * registered handlers, so a request that arrived in between (the stub listens before its APIs load, and clients
 * connect the moment the port takes connections) got Grizzly's own HTML 404. Set here, the front door takes every
 * request from the first.
 */
public final class FrontDoorAddOn implements AddOn {

    private final FrontDoor frontDoor;

    public FrontDoorAddOn(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        ((HttpServerFilter) builder.get(builder.indexOfType(HttpServerFilter.class))).setHttpHandler(frontDoor);
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        builder.set(codec, new FramingErrorCodec(listener,
                (org.glassfish.grizzly.http.HttpServerFilter) builder.get(codec), frontDoor));
    }
}
