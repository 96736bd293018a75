package dev.hookstub.server.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * The stub speaks HTTP/1.1 only. Grizzly treats any request carrying an {@code Upgrade} header (the JDK's HttpClient
 * sends {@code Upgrade: h2c} by default, body and all) as a protocol switch and stops reading its body as HTTP
 * content, so the resource blocks on a body that never arrives. Declining the upgrade where it is parsed lets the
 * request be read as the plain HTTP/1.1 request it also is (RFC 9110 §7.8: a server may ignore Upgrade).
 */
public final class NoProtocolUpgradeAddOn implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        builder.add(codec + 1, new DeclineUpgradeFilter());
    }

    private static final class DeclineUpgradeFilter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                header.getUpgradeDC().recycle();
                header.setIgnoreContentModifiers(false);
                return ctx.getStopAction();
            }
            return ctx.getInvokeAction();
        }
    }
}
