package dev.hookstub.server.config;

import dev.hookstub.server.auth.Credentials;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The rule for a stub that listens beyond loopback: the admin API reads every webhook's secret, fires deliveries
 * and resets the stub, so there it must not answer to the documented default token, which anyone can read in the
 * README. The API credentials stay the documented test keys: they are the point of a sandbox.
 */
public final class NetworkExposure {

    private NetworkExposure() {
    }

    /** Refuses, with one line naming the way out, to serve the admin API on a public address with the default token. */
    public static void requireOwnAdminToken(String host, String adminToken) {
        if (Credentials.DEFAULT_ADMIN_TOKEN.equals(adminToken) && !isLoopback(host)) {
            throw new ConfigException("--host " + host + " is reachable from other machines, and the admin API "
                    + "would answer to the default token " + Credentials.DEFAULT_ADMIN_TOKEN + ": set a token of your own with "
                    + "--admin-token or HOOKSTUB_ADMIN_TOKEN");
        }
    }

    /** Whether every address the host names is a loopback one; a name that does not resolve is not. */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
