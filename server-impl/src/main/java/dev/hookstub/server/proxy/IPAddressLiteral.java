package dev.hookstub.server.proxy;

import java.util.regex.Pattern;

/** Whether a URL's host is an IP address as written (IPv4 dotted, or IPv6 in brackets), which needs no lookup. */
final class IPAddressLiteral {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IPAddressLiteral() {
    }

    static boolean is(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }
}
