package dev.hookstub.server.proxy;

import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.http.FrontDoor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the proxy forwards one API's requests: the URL that stands for the spec's server URL (a provider's sandbox,
 * {@code https://api.sandbox.partoo.co/v2}; on the stub, an API's mount), how long it has to answer, and the
 * private certificate authority its certificate may come from (null: the JDK's trust store alone).
 */
public record Upstream(URI url, Duration timeout, Path certificateAuthority) {

    /** A sandbox that has not answered in this long is not going to; a test should not wait for it either. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public Upstream {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new ConfigException("the upstream must be an http:// or https:// URL with a host, not '" + url + "'");
        }
        if (url.getPort() > 65535) {
            throw new ConfigException("the upstream's port must be at most 65535, not " + url.getPort() + ": '" + url
                    + "'");
        }
        if (certificateAuthority != null && scheme.equals("http")) {
            throw new ConfigException("a certificate authority is for an https:// upstream, and '" + url
                    + "' is http://");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new ConfigException("the upstream URL stands for the spec's server URL and takes no query or "
                    + "fragment: '" + url + "'");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new ConfigException("the upstream timeout must be positive, not " + timeout);
        }
    }

    /** The URL with the default timeout and the JDK's trust store. */
    public static Upstream of(String url) {
        try {
            return new Upstream(URI.create(url), DEFAULT_TIMEOUT, null);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the upstream is not a URL: '" + url + "'");
        }
    }

    public Upstream withTimeout(Duration newTimeout) {
        return new Upstream(url, newTimeout, certificateAuthority);
    }

    public Upstream withCertificateAuthority(Path file) {
        return new Upstream(url, timeout, file);
    }

    /**
     * The URL a request's path below the API's mount, and its raw query, go to. A query may hold what browsers send
     * raw and a URI cannot ({@code color[R]=100}): here those are percent-encoded; {@link #target} keeps them.
     */
    URI resolve(String path, String rawQuery) {
        String base = url.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path + (rawQuery == null ? "" : "?" + FrontDoor.uriSafeQuery(rawQuery)));
    }

    /** The request target sent upstream, path and query as the client wrote them (the mount's path before them). */
    String target(String path, String rawQuery) {
        return basePath() + path + (rawQuery == null ? "" : "?" + rawQuery);
    }

    /** The URL's path without a trailing slash: what stands for the spec's server URL ahead of a request's path. */
    String basePath() {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
