package dev.hookstub.server.http;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Gives the front door to the listener's HTTP server filter as the listener's chain is built. Grizzly's
 * {@code HttpServer.start} starts its listeners before it hands them its registered handlers, so a request that
 * arrived in between (the stub listens before its APIs load, and clients connect the moment the port takes
 * connections) got Grizzly's own HTML 404. Set here, the front door takes every request from the first.
 */
public final class FrontDoorAddOn implements AddOn {

    private final FrontDoor frontDoor;

    public FrontDoorAddOn(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        ((HttpServerFilter) builder.get(builder.indexOfType(HttpServerFilter.class))).setHttpHandler(frontDoor);
    }
}
