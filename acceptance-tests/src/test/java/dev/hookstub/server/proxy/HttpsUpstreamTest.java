package dev.hookstub.server.proxy;

import static dev.hookstub.server.proxy.ProxyTest.PARTOO;
import static dev.hookstub.server.proxy.ProxyTest.PARTOO_GET;
import static dev.hookstub.server.proxy.ProxyTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.server.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream over HTTPS whose certificate the test makes with the JDK's keytool (no network): refused when nothing
 * vouches for it, trusted with {@code --upstream-ca}.
 */
class HttpsUpstreamTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path folder;
    private static Hookstub stub;
    private static FaultyUpstream https;
    private static Path authority;

    @BeforeAll
    static void start() throws Exception {
        Path keys = folder.resolve("upstream.p12");
        authority = folder.resolve("upstream-ca.pem");
        keytool("-genkeypair", "-alias", "upstream", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keys.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "upstream", "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-file", authority.toString());
        stub = Hookstub.start(Hookstub.defaultConfig());
        https = new FaultyUpstream(stub.baseUri(), tls(keys));
    }

    @AfterAll
    static void stop() {
        https.close();
        stub.close();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), output);
    }

    private static SSLContext tls(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static Hookstub proxy(Upstream upstream) {
        return Hookstub.start(Hookstub.defaultConfig().withProxy(ProxySettings.forApi("partoo",
                upstream)));
    }

    @Test
    void aCertificateNothingVouchesForIsA502NamingTheHandshake() {
        try (Hookstub proxy = proxy(Upstream.of(https.url() + "/partoo/v2"))) {
            HttpResponse<String> answer = proxy.http().get(PARTOO_GET, PARTOO);
            assertEquals(502, answer.statusCode(), answer.body());
            String detail = json(answer.body()).path("errors").path("json").asText();
            assertTrue(detail.startsWith("The upstream " + https.url() + "/partoo/v2 failed the TLS handshake: "),
                    detail);
        }
    }

    @Test
    void thePrivateAuthorityMakesItTrusted() {
        try (Hookstub proxy = proxy(Upstream.of(https.url() + "/partoo/v2").withCertificateAuthority(authority))) {
            HttpResponse<String> answer = proxy.http().get(PARTOO_GET, PARTOO);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(stub.http().get(PARTOO_GET, PARTOO).body(), answer.body());
            assertEquals(false, answer.headers().firstValue("Hookstub-Violations").isPresent());
        }
    }

    /**
     * A query with raw brackets (as browsers send them) goes to an HTTPS upstream as it came: building the request's
     * URI from it failed, and the proxy answered 502 "Illegal character in query" without sending it. The upstream
     * here (a TLS relay in front of a stub, which takes such a query) answers the read.
     */
    @Test
    void aQueryWithRawBracketsReachesTheUpstream() throws IOException {
        try (Hookstub proxy = proxy(Upstream.of(https.url() + "/partoo/v2").withCertificateAuthority(authority));
             java.net.Socket socket = new java.net.Socket("127.0.0.1", proxy.baseUri().getPort())) {
            socket.getOutputStream().write(("GET " + PARTOO_GET + "?x[a]=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "x-APIKey: partoo_test_key\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"id\":1,"), answer);
        }
    }

    @Test
    void anAnswerCutShortIsA502SayingSo() {
        https.cutAnswersShort(true);
        try (Hookstub proxy = proxy(Upstream.of(https.url() + "/partoo/v2").withCertificateAuthority(authority))) {
            HttpResponse<String> answer = proxy.http().get(PARTOO_GET, PARTOO);
            assertEquals(502, answer.statusCode(), answer.body());
            String detail = json(answer.body()).path("errors").path("json").asText();
            assertTrue(detail.startsWith("The upstream " + https.url() + "/partoo/v2 closed the connection in the "
                    + "middle of its answer, "), detail);
        } finally {
            https.cutAnswersShort(false);
        }
    }

    @Test
    void aFileThatHoldsNoCertificateEndsTheStart() throws IOException {
        Path notACertificate = Files.writeString(folder.resolve("not-a-ca.pem"), "hello");
        ConfigException refused = assertThrows(ConfigException.class,
                () -> proxy(Upstream.of(https.url()).withCertificateAuthority(notACertificate)).close());
        assertTrue(refused.getMessage().startsWith("--upstream-ca " + notACertificate), refused.getMessage());
    }
}
