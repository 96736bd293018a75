package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request body in a content coding the stub does not decode is a 415 naming it, with Accept-Encoding saying what
 * is taken (RFC 9110 §15.5.16): read as it came, a gzip body was "not JSON" and a br one taken as plain text.
 */
class ContentEncodingTest {

    private static final String CREATE = "{\"url\":\"https://example.com/encoded\",\"type\":\"customer-created\"}";

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    private static HttpResponse<String> create(byte[] body, String encoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stub.hookstub().baseUri()
                        .resolve("/mijnklantportaal/v1/webhooks"))
                .header("Authorization", "Bearer mkp_test_key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(bytes)) {
            zipped.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void anEncodedBodyIsA415InTheApisFormatNamingTheCoding() throws Exception {
        for (String encoding : new String[] {"gzip", "br"}) {
            byte[] body = encoding.equals("gzip") ? gzip(CREATE) : CREATE.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> refused = create(body, encoding);
            assertEquals(415, refused.statusCode(), encoding + " " + refused.body());
            assertEquals(Optional.of("identity"), refused.headers().firstValue("Accept-Encoding"));
            assertTrue(refused.body().contains("\"message\":\"The request's Content-Encoding " + encoding
                    + " is not supported: send the body unencoded.\""), refused.body());
        }
    }

    @Test
    void identityIsNoCoding() throws Exception {
        assertEquals(201, create(CREATE.getBytes(StandardCharsets.UTF_8), "identity").statusCode());
        assertEquals(201, create(CREATE.getBytes(StandardCharsets.UTF_8), null).statusCode());
    }
}
