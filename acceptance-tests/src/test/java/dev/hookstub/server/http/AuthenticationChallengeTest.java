package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.api.ExampleRequest;
import dev.hookstub.server.api.StubApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 401 says how to authenticate: RFC 9110 §11.6.1 has a server that sends one send {@code WWW-Authenticate} with
 * at least one challenge. A bearer token's is {@code Bearer} (RFC 6750 §3); an API key has no registered scheme, so
 * its challenge names the header the key goes in.
 */
class AuthenticationChallengeTest {

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mijnklantportaal|Bearer",
        "mollie|Bearer",
        "equalsmoney|ApiKey header=\"Authorization\"",
        "partoo|ApiKey header=\"x-APIKey\""})
    void a401CarriesTheChallengeOfTheApisScheme(String api, String challenge) {
        StubApi served = stub.server().apis().stream().filter(a -> a.id().equals(api)).findFirst().orElseThrow();
        ExampleRequest example = served.exampleRequest();
        String path = served.contextPath() + example.path();
        for (HttpResponse<String> refused : List.of(stub.http().get(path),
                stub.http().get(path, example.header(), "Bearer not-a-key-the-stub-knows"))) {
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(List.of(challenge), refused.headers().allValues("WWW-Authenticate"), refused.body());
        }
        assertEquals(List.of(), stub.http().get(path, example.header(), example.value()).headers()
                .allValues("WWW-Authenticate"), "only a 401 carries a challenge");
    }

    @Test
    void theAdminApisCarriesItsOwn() {
        HttpResponse<String> refused = stub.http().get("/__admin/mollie/webhooks", "Authorization", "Bearer wrong");
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals(List.of("Bearer realm=\"hookstub admin\""), refused.headers().allValues("WWW-Authenticate"));
    }
}
