package dev.hookstub.server.robustness;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.robustness.RawHttp.NoResponse;
import dev.hookstub.server.robustness.RawHttp.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue #5: a client that stops sending part-way through a body is cut off by the server's read timeout (10 s),
 * while other clients keep being served at once. The keep-alive idle timeout (30 s) is checked only on request
 * ({@code -Drobustness.long=true}), as it would add half a minute to every build.
 */
class SlowClientTimeoutTest {

    /** StubServer's read timeout is 10 s; 5 s of slack for a loaded build machine. */
    private static final long CUT_OFF_SECONDS = 15;
    /** How long to keep watching a stalled connection, so that a failure says when (if ever) it was cut off. */
    private static final int WATCH_SECONDS = 45;
    private static final long PROMPT_MILLIS = 1000;

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    /** What became of one stalled connection. */
    private record Stall(String name, double seconds, String outcome, Response response) {
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aClientStallingMidBodyIsCutOffWhileOthersAreServedPromptly() throws Exception {
        String stalledBody = "{\"url\":\"https://exa";   // 19 of the 100 bytes announced
        List<String[]> stalls = List.of(
                new String[] {"MijnKlantportaal create", "POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Bearer mkp_test_key\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n" + stalledBody},
                new String[] {"admin create", "POST /__admin/mollie/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer admin_test_key\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n" + stalledBody},
                new String[] {"unauthenticated create", "POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                        + stalledBody});
        ExecutorService pool = Executors.newFixedThreadPool(stalls.size());
        List<CompletableFuture<Stall>> results = new ArrayList<>();
        try {
            for (String[] stall : stalls) {
                results.add(CompletableFuture.supplyAsync(() -> stall(stall[0], stall[1]), pool));
            }
            // Meanwhile, ordinary requests on fresh connections are answered at once.
            List<Long> latencies = new ArrayList<>();
            List<String> slowOrWrong = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(CUT_OFF_SECONDS);
            while (System.nanoTime() < until && !results.stream().allMatch(CompletableFuture::isDone)) {
                long started = System.nanoTime();
                Response normal = RawHttp.exchange(stub.server().port(), HostileRequests.latin1(
                        "GET /mijnklantportaal/v1/webhooks/wbh_abc12345def678 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Authorization: Bearer mkp_test_key\r\nConnection: close\r\n\r\n"), false, 5000);
                long millis = (System.nanoTime() - started) / 1_000_000;
                latencies.add(millis);
                if (normal.status() != 200 || millis >= PROMPT_MILLIS) {
                    slowOrWrong.add(normal.status() + " after " + millis + " ms");
                }
                Thread.sleep(250);
            }
            List<Stall> outcomes = new ArrayList<>();
            for (CompletableFuture<Stall> result : results) {
                outcomes.add(result.get(WATCH_SECONDS + 10, TimeUnit.SECONDS));
            }
            System.out.printf(Locale.ROOT, "slow clients: %s; %d ordinary requests meanwhile, slowest %d ms%n",
                    outcomes.stream().map(s -> String.format(Locale.ROOT, "%s -> %s after %.1f s", s.name(),
                            s.outcome(), s.seconds())).toList(), latencies.size(),
                    latencies.stream().mapToLong(Long::longValue).max().orElse(-1));

            List<Executable> checks = new ArrayList<>();
            checks.add(() -> assertTrue(!latencies.isEmpty() && slowOrWrong.isEmpty(),
                    "ordinary requests during the stalls were slow or failed: " + slowOrWrong));
            for (Stall stall : outcomes) {
                checks.add(() -> assertTrue(stall.seconds() <= CUT_OFF_SECONDS, stall.name()
                        + ": a client that sent 19 of 100 body bytes was not cut off within " + CUT_OFF_SECONDS
                        + " s (read timeout 10 s): " + stall.outcome() + " after "
                        + String.format(Locale.ROOT, "%.1f", stall.seconds()) + " s"));
                if (stall.response() != null) {
                    checks.add(() -> assertTrue(stall.response().status() < 500
                                    && HostileInputFuzzTest.check(fake(), stall.response()).isEmpty(),
                            stall.name() + ": the answer to a stalled body must be a 4xx in the API's format without "
                                    + "internals, not: " + stall.response().text(300)));
                }
            }
            assertAll(checks);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "robustness.long", matches = "true")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void idleAndHalfSentConnectionsAreClosedByTheKeepAliveTimeout() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Stall> idle = CompletableFuture.supplyAsync(() -> idleAfter(
                    "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), pool);
            CompletableFuture<Stall> nothing = CompletableFuture.supplyAsync(() -> stall("connection sending "
                    + "nothing", ""), pool);
            CompletableFuture<Stall> headers = CompletableFuture.supplyAsync(() -> stall("half-sent headers",
                    "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "), pool);
            for (Stall stall : List.of(idle.get(60, TimeUnit.SECONDS), nothing.get(60, TimeUnit.SECONDS),
                    headers.get(60, TimeUnit.SECONDS))) {
                System.out.printf(Locale.ROOT, "idle: %s -> %s after %.1f s%n", stall.name(), stall.outcome(),
                        stall.seconds());
                assertTrue(stall.seconds() <= 40, stall.name() + " still open after " + stall.seconds() + " s");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends the bytes, then nothing more; waits for the server to answer or close. */
    private static Stall stall(String name, String bytes) {
        long started = System.nanoTime();
        try (RawHttp connection = RawHttp.connect(stub.server().port(), WATCH_SECONDS * 1000)) {
            connection.send(HostileRequests.latin1(bytes));
            try {
                Response response = connection.read(false);
                return new Stall(name, seconds(started), "answered " + response.status(), response);
            } catch (NoResponse none) {
                String outcome = switch (none.outcome) {
                    case TIMEOUT -> "still open";
                    case DROPPED -> "closed without an answer";
                    default -> none.getMessage();
                };
                return new Stall(name, seconds(started), outcome, null);
            }
        } catch (IOException e) {
            return new Stall(name, seconds(started), "cannot connect: " + e, null);
        }
    }

    /** A kept-alive connection after one answered request: how long until the server closes it. */
    private static Stall idleAfter(String request) {
        try (RawHttp connection = RawHttp.connect(stub.server().port(), WATCH_SECONDS * 1000)) {
            connection.send(HostileRequests.latin1(request));
            connection.read(false);
            long started = System.nanoTime();
            boolean closed = connection.closedByPeer();
            return new Stall("idle keep-alive connection", seconds(started), closed ? "closed" : "still open", null);
        } catch (IOException | NoResponse e) {
            return new Stall("idle keep-alive connection", 0, "failed: " + e, null);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The stalled requests all go to JSON-message APIs; any path under one of them selects that format. */
    private static HostileRequests.Case fake() {
        return new HostileRequests.Case(-1, HostileRequests.Api.MIJNKLANTPORTAAL, "/mijnklantportaal/v1/webhooks",
                new byte[0], false, false, List.of());
    }
}
