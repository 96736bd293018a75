package dev.hookstub.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.robustness.HostileRequests.Case;
import dev.hookstub.server.robustness.HostileRequests.Format;
import dev.hookstub.server.robustness.RawHttp.NoResponse;
import dev.hookstub.server.robustness.RawHttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #5: a seeded storm of hostile requests (see {@link HostileRequests}) over the four APIs and the admin API,
 * sent byte for byte on plain sockets. Every request must get a complete answer below 500, with no stack trace or
 * Java class name anywhere in it, and a 4xx in the error format of the API the path names, broken HTTP syntax and
 * framing included (refused in the HTTP layer, before any application runs). Where the server keeps the connection open after answering, a second, ordinary
 * request on it must be answered normally (no request smuggling, no stuck body read). Records created before the
 * storm must read back unchanged after it.
 *
 * <p>Replay: {@code -Dfuzz.seed=N} (default 42), {@code -Dfuzz.count=N} (default 5000); a failure names the case
 * number and the exact bytes sent.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class HostileInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 42L);
    private static final int COUNT = Integer.getInteger("fuzz.count", 5000);
    private static final int THREADS = 8;
    private static final int READ_TIMEOUT_MILLIS = 5000;
    private static final long STORM_DEADLINE_SECONDS = 90;
    private static final byte[] CANARY = HostileRequests.latin1("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    private record Finding(String kind, Case request, String answer) {
    }

    @Test
    void hostileRequestsGetWellFormedAnswersAndLeaveRecordsIntact() throws Exception {
        Map<String, String[]> reads = seedRecords();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        reads.forEach((name, read) -> before.put(name, readJson(read)));

        HostileRequests generator = new HostileRequests(SEED);
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, int[]> tagTotals = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        AtomicInteger canariesSent = new AtomicInteger();
        AtomicInteger canariesClosed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(STORM_DEADLINE_SECONDS);
        int port = stub.server().port();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < COUNT && System.nanoTime() < deadline;
                     i = next.getAndIncrement()) {
                    Case request = generator.generate(i);
                    List<String> problems;
                    try {
                        problems = exchange(port, request, statuses, canariesSent, canariesClosed, findings);
                    } catch (RuntimeException e) {
                        // A fault of this test's client, reported rather than silently ending a worker.
                        problems = List.of("test client error");
                        findings.add(new Finding("test client error", request, e.toString()));
                    }
                    for (String tag : request.tags()) {
                        int[] totals = tagTotals.computeIfAbsent(tag, k -> new int[2]);
                        synchronized (totals) {
                            totals[0]++;
                            totals[1] += problems.isEmpty() ? 0 : 1;
                        }
                    }
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(STORM_DEADLINE_SECONDS + 10, TimeUnit.SECONDS);
        pool.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Integer> histogram = new TreeMap<>(statuses);
        System.out.printf(Locale.ROOT, "fuzz: %d requests, seed %d, statuses %s%n", done.get(), SEED, histogram);
        System.out.printf(Locale.ROOT, "fuzz: %d follow-up requests on kept-alive connections, %d of those "
                + "connections closed by the server; %.1f s, %d findings%n",
                canariesSent.get(), canariesClosed.get(), seconds, findings.size());

        // The records created before the storm, and the fixtures, read back exactly as before.
        List<String> changed = new ArrayList<>();
        reads.forEach((name, read) -> {
            JsonNode after = readJson(read);
            if (!before.get(name).equals(after)) {
                changed.add(name + ": before " + before.get(name) + " after " + after);
            }
        });
        HttpResponse<String> health = stub.http().get("/health");

        String report = report(findings, tagTotals);
        if (!report.isEmpty()) {
            System.out.println(report);
        }
        assertTrue(finished && done.get() == COUNT, "the storm did not finish within " + STORM_DEADLINE_SECONDS
                + " s: " + done.get() + " of " + COUNT + " requests answered");
        assertTrue(changed.isEmpty(), "records changed by the storm: " + changed);
        assertEquals(200, health.statusCode(), "the server no longer answers a normal GET: " + health.body());
        assertEquals("{\"status\":\"UP\",\"store\":\"memory\"}", health.body());
        if (!findings.isEmpty()) {
            fail(findings.size() + " of " + COUNT + " hostile requests (seed " + SEED + ") got a bad answer:\n"
                    + report);
        }
    }

    /** Sends one case, then (when the server keeps the connection) a canary; returns what was wrong. */
    private static List<String> exchange(int port, Case request, Map<String, Integer> statuses,
                                         AtomicInteger canariesSent, AtomicInteger canariesClosed,
                                         ConcurrentLinkedQueue<Finding> findings) {
        List<String> problems = new ArrayList<>();
        try (RawHttp connection = RawHttp.connect(port, READ_TIMEOUT_MILLIS)) {
            connection.send(request.bytes());
            Response response;
            try {
                response = connection.read(request.head());
            } catch (NoResponse none) {
                statuses.merge(none.outcome.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                problems.add(none.outcome == RawHttp.Outcome.TIMEOUT ? "hang (no complete answer within "
                        + READ_TIMEOUT_MILLIS + " ms)" : "no complete answer: " + none.outcome);
                findings.add(new Finding(problems.get(0), request, none.getMessage()));
                return problems;
            }
            statuses.merge(Integer.toString(response.status()), 1, Integer::sum);
            problems.addAll(check(request, response));
            for (String problem : problems) {
                findings.add(new Finding(problem, request, response.text(600)));
            }
            if (problems.isEmpty() && request.canary() && !response.closeAfter()) {
                canariesSent.incrementAndGet();
                if (!connection.send(CANARY)) {
                    canariesClosed.incrementAndGet();
                    return problems;
                }
                try {
                    Response canary = connection.read(false);
                    if (canary.status() != 200 || !canary.bodyText().equals("{\"status\":\"UP\",\"store\":\"memory\"}")) {
                        problems.add("next request on the same connection answered wrongly (desync)");
                        findings.add(new Finding(problems.get(0), request, canary.text(300)));
                    }
                } catch (NoResponse none) {
                    if (none.outcome == RawHttp.Outcome.DROPPED) {
                        canariesClosed.incrementAndGet();
                    } else {
                        problems.add("next request on the same connection not answered: " + none.outcome);
                        findings.add(new Finding(problems.get(0), request, none.getMessage()));
                    }
                }
            }
        } catch (IOException e) {
            problems.add("cannot connect");
            findings.add(new Finding("cannot connect", request, e.toString()));
        }
        return problems;
    }

    /** The assertions every answer must pass. */
    static List<String> check(Case request, Response response) {
        List<String> problems = new ArrayList<>();
        if (response.status() >= 500) {
            problems.add(response.status() + " answer");
        }
        String leak = leak(response);
        if (leak != null) {
            problems.add("internals in the answer (" + leak + ")");
        }
        if (response.status() >= 400 && response.status() < 500 && !request.head()) {
            String type = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
            boolean isBare = response.body().length == 0 || !type.contains("json");
            if (isBare) {
                problems.add("bare " + response.status() + " (not in the API's error format)");
            } else {
                Set<Format> expected = expectedFormats(request.path());
                String violation = null;
                for (Format format : expected) {
                    violation = violation(format, response);
                    if (violation == null) {
                        break;
                    }
                }
                if (violation != null) {
                    problems.add("4xx not in the " + expected + " error format: " + violation);
                }
            }
        }
        return problems;
    }

    private static String leak(Response response) {
        StringBuilder text = new StringBuilder(response.statusLine());
        response.headers().forEach(h -> text.append('\n').append(h.name()).append(": ").append(h.value()));
        text.append('\n').append(response.bodyText());
        for (String token : HostileRequests.LEAK_TOKENS) {
            if (text.indexOf(token) >= 0) {
                return token;
            }
        }
        return null;
    }

    /** Null when the answer is in the format, else what is wrong with it. */
    static String violation(Format format, Response response) {
        String type = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return "body is not JSON";
        }
        if (body == null || !body.isObject()) {
            return "body is not a JSON object";
        }
        switch (format) {
            case MESSAGE -> {
                if (!type.startsWith("application/json")) {
                    return "Content-Type " + type;
                }
                if (!body.path("message").isTextual()) {
                    return "no string message";
                }
                for (var names = body.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!name.equals("message") && !name.equals("field")) {
                        return "unexpected member " + name;
                    }
                }
            }
            case PARTOO -> {
                if (!type.startsWith("application/json")) {
                    return "Content-Type " + type;
                }
                if (!body.path("errors").isObject() || body.path("errors").isEmpty() || body.size() != 1) {
                    return "not {\"errors\": {...}}";
                }
            }
            case MOLLIE -> {
                if (!type.startsWith("application/hal+json")) {
                    return "Content-Type " + type;
                }
                if (!body.path("status").isInt() || body.path("status").asInt() != response.status()) {
                    return "status member " + body.path("status") + " for HTTP " + response.status();
                }
                if (!body.path("title").isTextual() || !body.path("detail").isTextual()) {
                    return "no string title and detail";
                }
                if (!body.path("_links").path("documentation").path("href").isTextual()) {
                    return "no _links.documentation.href";
                }
            }
        }
        return null;
    }

    /**
     * The formats of the APIs a request path may reach: as written, with dot segments removed, and with its
     * percent-escapes decoded first (servers differ in the order they do these, and a traversal may leave one API
     * for another).
     */
    static Set<Format> expectedFormats(String path) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String candidate : List.of(path, normalize(path), normalize(decode(path)))) {
            formats.add(formatOf(candidate));
            formats.add(formatOf(candidate.replaceAll("/{2,}", "/")));
        }
        return formats;
    }

    private static Format formatOf(String path) {
        if (path.equals("/partoo/v2") || path.startsWith("/partoo/v2/")) {
            return Format.PARTOO;
        }
        if (path.equals("/mollie") || path.startsWith("/mollie/")) {
            return Format.MOLLIE;
        }
        return Format.MESSAGE;
    }

    private static String decode(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                out.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** RFC 3986 §5.2.4, on '/' and '\' alike. */
    private static String normalize(String path) {
        List<String> out = new ArrayList<>();
        String[] segments = path.replace('\\', '/').split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!segment.equals(".")) {
                out.add(segment);
            }
        }
        return "/" + String.join("/", out);
    }

    /**
     * Findings grouped by what went wrong and by their likeliest cause: of a case's mutations, the one whose cases
     * fail most often. Each group shows its shortest reproducers.
     */
    private static String report(ConcurrentLinkedQueue<Finding> findings, Map<String, int[]> tagTotals) {
        if (findings.isEmpty()) {
            return "";
        }
        Map<String, List<Finding>> groups = findings.stream().collect(Collectors.groupingBy(
                f -> f.kind().replaceAll(" \\(.*", "").replaceAll(": .*", "") + "  <-  " + cause(f.request(), tagTotals),
                TreeMap::new, Collectors.toList()));
        StringBuilder report = new StringBuilder();
        groups.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Finding>> e) -> -e.getValue().size()))
                .limit(80)
                .forEach(e -> {
                    report.append(String.format(Locale.ROOT, "%n  %d x %s%n", e.getValue().size(), e.getKey()));
                    e.getValue().stream().sorted(Comparator.comparingInt(f -> f.request().bytes().length)).limit(2)
                            .forEach(f -> report.append("      ").append(f.request().describe(400))
                                    .append("\n        -> ").append(RawHttp.printable(f.answer(), 240)).append('\n'));
                });
        return report.toString();
    }

    private static String cause(Case request, Map<String, int[]> tagTotals) {
        String best = null;
        double bestRate = -1;
        for (String tag : request.tags()) {
            int[] totals = tagTotals.get(tag);
            boolean base = tag.matches("(mijnklantportaal|equalsmoney|partoo|mollie|admin):[A-Z]+")
                    && request.tags().size() > 1;
            if (totals == null || base) {
                continue;
            }
            double rate = (double) totals[1] / totals[0];
            if (rate > bestRate || (rate == bestRate && totals[0] > tagTotals.get(best)[0])) {
                best = tag;
                bestRate = rate;
            }
        }
        return best == null ? String.join(" ", request.tags()) : best;
    }

    // ---- the records that must survive -------------------------------------------------------------------------

    private static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};

    /** Creates the records, and returns how to read each (and each fixture) back: name -> {path, header, value}. */
    private static Map<String, String[]> seedRecords() throws IOException {
        Map<String, String[]> reads = new LinkedHashMap<>();
        HttpResponse<String> created = stub.http().post("/mijnklantportaal/v1/webhooks",
                "{\"url\":\"https://example.com/seeded/mkp-api\",\"type\":\"invoice-paid\"}", MKP);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode record = JSON.readTree(created.body());
        assertEquals("https://example.com/seeded/mkp-api", record.path("url").asText());
        reads.put("mijnklantportaal created through the API",
                new String[] {"/mijnklantportaal/v1/webhooks/" + record.path("id").asText(), MKP[0], MKP[1]});

        adminCreate("mijnklantportaal", "{\"id\":\"" + HostileRequests.SEEDED_MKP_ID
                + "\",\"url\":\"https://example.com/seeded/mkp-admin\",\"type\":\"offer-created\",\"tenant\":\"tenant-1\"}");
        reads.put("mijnklantportaal created through the admin API",
                new String[] {"/mijnklantportaal/v1/webhooks/" + HostileRequests.SEEDED_MKP_ID, MKP[0], MKP[1]});
        adminCreate("equalsmoney", "{\"id\":\"" + HostileRequests.SEEDED_EQUALS_ID
                + "\",\"url\":\"https://example.com/seeded/equals\",\"webhookEventTypeName\":\"OrderCreated\","
                + "\"accountId\":\"F50091\"}");
        reads.put("equalsmoney created through the admin API", new String[] {"/equalsmoney/v2/webhooks/"
                + HostileRequests.SEEDED_EQUALS_ID, "Authorization", "equals_test_key"});
        adminCreate("partoo", "{\"id\":" + HostileRequests.SEEDED_PARTOO_ID
                + ",\"url\":\"https://example.com/seeded/partoo\",\"event_type\":\"lead_received\",\"org_id\":1}");
        reads.put("partoo created through the admin API", new String[] {"/partoo/v2/webhooks/"
                + HostileRequests.SEEDED_PARTOO_ID, "x-APIKey", "partoo_test_key"});
        adminCreate("mollie", "{\"id\":\"" + HostileRequests.SEEDED_MOLLIE_ID
                + "\",\"url\":\"https://example.com/seeded/mollie\",\"name\":\"seeded\",\"mode\":\"test\"}");
        reads.put("mollie created through the admin API", new String[] {"/mollie/v2/webhooks/"
                + HostileRequests.SEEDED_MOLLIE_ID + "?testmode=true", "Authorization",
                "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"});

        reads.put("mijnklantportaal fixture", new String[] {"/mijnklantportaal/v1/webhooks/wbh_abc12345def678",
                MKP[0], MKP[1]});
        reads.put("equalsmoney fixture", new String[] {"/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c",
                "Authorization", "equals_test_key"});
        reads.put("partoo fixture", new String[] {"/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key"});
        reads.put("mollie fixture", new String[] {"/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true",
                "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"});

        for (Map.Entry<String, String[]> read : reads.entrySet()) {
            JsonNode json = readJson(read.getValue());
            assertTrue(json.path("url").isTextual(), read.getKey() + ": " + json);
            if (read.getKey().contains("created")) {
                assertTrue(json.path("url").asText().startsWith("https://example.com/seeded/"), json.toString());
            }
        }
        return reads;
    }

    private static void adminCreate(String api, String body) {
        HttpResponse<String> created = stub.adminHttp().post("/__admin/" + api + "/webhooks", body);
        assertEquals(201, created.statusCode(), api + ": " + created.body());
    }

    private static JsonNode readJson(String[] read) {
        HttpResponse<String> response = stub.http().get(read[0], read[1], read[2]);
        assertEquals(200, response.statusCode(), read[0] + ": " + response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(read[0] + ": " + response.body(), e);
        }
    }
}
