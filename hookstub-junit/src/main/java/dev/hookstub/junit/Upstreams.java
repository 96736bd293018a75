package dev.hookstub.junit;

import dev.hookstub.server.StubServer;
import dev.hookstub.server.proxy.Upstream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Which APIs a {@link HookstubTest} forwards, and with which credentials: the annotation's {@code api=URL} entries,
 * then the system properties {@code hookstub.upstream.<api>} (which win), and {@code hookstub.credential.<api>}.
 */
final class Upstreams {

    static final String UPSTREAM = "hookstub.upstream.";
    static final String CREDENTIAL = "hookstub.credential.";

    private Upstreams() {
    }

    static Map<String, Upstream> of(String[] declared, Properties properties) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String entry : declared) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("@HookstubTest(upstreams) takes api=URL, not '" + entry + "'");
            }
            urls.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        for (String api : StubServer.API_IDS) {
            String url = properties.getProperty(UPSTREAM + api);
            if (url != null && !url.isBlank()) {
                urls.put(api, url.strip());
            }
        }
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        urls.forEach((api, url) -> {
            if (!StubServer.API_IDS.contains(api)) {
                throw new IllegalArgumentException("@HookstubTest(upstreams): no API named " + api + "; the stub's are "
                        + StubServer.API_IDS);
            }
            upstreams.put(api, Upstream.of(url));
        });
        return upstreams;
    }

    static Map<String, String> credentials(Properties properties) {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String api : StubServer.API_IDS) {
            String credential = properties.getProperty(CREDENTIAL + api);
            if (credential != null && !credential.isBlank()) {
                credentials.put(api, credential.strip());
            }
        }
        return credentials;
    }
}
