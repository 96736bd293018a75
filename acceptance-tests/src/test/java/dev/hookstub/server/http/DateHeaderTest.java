package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.junit.HookstubHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer carries the time it was sent in one {@code Date} header (RFC 9110 §6.6.1: an origin server with a clock
 * must send it in its 2xx, 3xx and 4xx answers), whichever part of the stub makes it: an API's fast path and its
 * Jersey application, a refusal, the admin API, the stub's own endpoints. Grizzly 4 dropped the one its codec adds, so
 * none had it. The HTTP layer's own refusals are checked in {@link FramingErrorsTest}.
 */
public class DateHeaderTest {

    private static final String MKP = "/mijnklantportaal/v1/webhooks";
    private static final String[] MKP_KEY = {"Authorization", "Bearer mkp_test_key"};

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    static Stream<Arguments> answers() {
        return Stream.of(
                answer("a read", 200, http -> http.get(MKP + "/wbh_abc12345def678", MKP_KEY)),
                answer("a read without a credential", 401, http -> http.get(MKP + "/wbh_abc12345def678")),
                answer("a record that is not there", 404, http -> http.get(MKP + "/wbh_nothere1234567", MKP_KEY)),
                answer("a create", 201, http -> http.post(MKP, "{\"url\":\"https://example.com/d\","
                        + "\"type\":\"customer-created\"}", MKP_KEY)),
                answer("a create the spec refuses", 422, http -> http.post(MKP, "{\"url\":1}", MKP_KEY)),
                answer("a method the API does not have", 405, http -> http.delete(MKP, MKP_KEY)),
                answer("a read of Mollie", 200, http -> http.get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH"
                        + "?testmode=true", "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM")),
                answer("HEAD", 200, http -> http.send(HttpRequest.newBuilder(http.uri("/health"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()))),
                answer("the admin API", 200, http -> http.get("/__admin/partoo/webhooks",
                        "Authorization", "Bearer admin_test_key")),
                answer("the admin API refusing", 401, http -> http.get("/__admin/partoo/webhooks")),
                answer("a spec document", 200, http -> http.get("/partoo/openapi.yaml")),
                answer("a path no API takes", 404, http -> http.get("/nowhere")));
    }

    private static Arguments answer(String name, int status,
                                    Function<HookstubHttp, HttpResponse<String>> call) {
        return Arguments.of(name, status, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void carriesTheTimeItWasSent(String name, int status,
                                 Function<HookstubHttp, HttpResponse<String>> call) {
        Instant before = Instant.now();
        HttpResponse<String> answer = call.apply(stub.http());
        Instant after = Instant.now();

        assertEquals(status, answer.statusCode(), answer.body());
        List<String> dates = answer.headers().allValues("Date");
        assertEquals(1, dates.size(), name + ": one Date header, not " + dates);
        assertSent(dates.get(0), before, after);
    }

    /**
     * An IMF-fixdate (RFC 9110 §5.6.7) of a time between the two instants. Grizzly formats the current second once
     * and reuses it for up to a second, so the date may trail the send by up to two.
     */
    public static void assertSent(String date, Instant before, Instant after) {
        assertTrue(date.endsWith(" GMT"), date);
        Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertTrue(!sent.isBefore(before.minus(Duration.ofSeconds(2))) && !sent.isAfter(after), date
                + " is not the time it was sent (between " + before + " and " + after + ")");
    }
}
