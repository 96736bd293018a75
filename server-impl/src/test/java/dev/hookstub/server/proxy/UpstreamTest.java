package dev.hookstub.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookstub.server.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamTest {

    @Test
    void aPathBelowTheMountAndItsQueryGoBelowTheUpstreamsUrl() {
        Upstream partoo = Upstream.of("https://api.sandbox.partoo.co/v2/");
        assertEquals("https://api.sandbox.partoo.co/v2/webhooks/1?org_id=2",
                partoo.resolve("/webhooks/1", "org_id=2").toString());
        assertEquals("https://api.sandbox.partoo.co/v2/webhooks", partoo.resolve("/webhooks", null).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "example.com/v2", "http://", "https://example.com/v2?key=1", "::",
            "http://127.0.0.1:99999/partoo/v2"})
    void anythingButAnHttpUrlWithAHostIsRefused(String url) {
        assertThrows(ConfigException.class, () -> Upstream.of(url));
    }

    @Test
    void aCertificateAuthorityIsForAnHttpsUpstreamOnly() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> Upstream.of("http://127.0.0.1:9").withCertificateAuthority(java.nio.file.Path.of("ca.pem")));
        assertEquals("a certificate authority is for an https:// upstream, and 'http://127.0.0.1:9' is http://",
                refused.getMessage());
        Upstream.of("https://127.0.0.1:9").withCertificateAuthority(java.nio.file.Path.of("ca.pem"));
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThrows(ConfigException.class, () -> Upstream.of("http://127.0.0.1:9").withTimeout(Duration.ZERO));
    }
}
