package dev.hookstub.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.auth.Credentials;
import org.junit.jupiter.api.Test;

class NetworkExposureTest {

    @Test
    void beyondLoopbackTheDefaultAdminTokenStopsTheStart() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> Hookstub.start(Hookstub.defaultConfig().withHost("0.0.0.0")).close());
        assertTrue(refused.getMessage().contains("--admin-token"), refused.getMessage());
        assertTrue(refused.getMessage().contains("HOOKSTUB_ADMIN_TOKEN"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    }

    @Test
    void beyondLoopbackAnOwnTokenStartsAndTheDefaultOneIsRefused() {
        Credentials own = new Credentials(Credentials.defaults().mijnklantportaal(), Credentials.defaults().equalsmoney(),
                Credentials.defaults().partoo(), Credentials.defaults().mollie(), "a-secret-of-our-own");
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig().withHost("0.0.0.0").withCredentials(own))) {
            HookstubHttp http = Hookstub.at("http://127.0.0.1:" + stub.port(), "a-secret-of-our-own").http();
            assertEquals(401, http.get("/__admin/mollie/webhooks", "Authorization", "Bearer admin_test_key").statusCode());
            assertEquals(200, http.get("/__admin/mollie/webhooks", "Authorization", "Bearer a-secret-of-our-own")
                    .statusCode());
            // The provider APIs keep their documented test keys: they are what a sandbox is for.
            var example = stub.server().apis().get(0).exampleRequest();
            assertEquals(200, http.get(stub.server().apis().get(0).contextPath() + example.path(), example.header(),
                    example.value()).statusCode());
        }
    }

    @Test
    void loopbackNamesAreLoopbackAndTheWildcardAndUnknownNamesAreNot() {
        assertTrue(NetworkExposure.isLoopback("127.0.0.1"));
        assertTrue(NetworkExposure.isLoopback("::1"));
        assertTrue(NetworkExposure.isLoopback("localhost"));
        assertFalse(NetworkExposure.isLoopback("0.0.0.0"));
        assertFalse(NetworkExposure.isLoopback("::"));
        assertFalse(NetworkExposure.isLoopback("no-such-host.invalid"));
    }
}
