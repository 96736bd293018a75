package dev.hookstub.cli;

import dev.hookstub.conformance.checks.ObservedTraffic;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.report.Reports;
import dev.hookstub.server.journal.SpecViolation;
import dev.hookstub.server.proxy.ProxiedExchange;
import dev.hookstub.server.proxy.ProxyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code hookstub proxy --report DIR}: what passes through the proxy, written by {@code hookstub check}'s reports
 * (JUnit XML, Markdown, HTML) into one folder, a run per API. The stub hands over each exchange as it finished it; the
 * engine tallies and masks it ({@link ObservedTraffic}); this is where the two meet, since neither knows the other.
 */
final class ProxyReportFolder implements ProxyReport {

    private final Path folder;
    private final Function<String, String> targets;
    private final Map<String, ObservedTraffic> byApi = new LinkedHashMap<>();

    /** @param targets what each API's report says was checked, by API id */
    ProxyReportFolder(Path folder, Function<String, String> targets) {
        this.folder = folder;
        this.targets = targets;
    }

    @Override
    public void exchanged(ProxiedExchange exchange) {
        traffic(exchange).observe(new ObservedTraffic.Observed(exchange.operation(), exchange.method(),
                exchange.url(), exchange.requestHeaders(), exchange.requestBody(), exchange.requestViolations(),
                exchange.forwarded(), exchange.status(), exchange.responseHeaders(), exchange.responseBody(),
                exchange.verdict(), exchange.failure(), exchange.elapsedMillis()));
    }

    @Override
    public void flagged(String api, String recordId, List<SpecViolation> violations) {
        noted(api, "Recorded " + api + " record " + recordId + " as the upstream answered it, though it breaks "
                + "the spec: " + violations.get(0) + (violations.size() > 1 ? " (+" + (violations.size() - 1)
                + " more)" : "") + ". A stub started on the fixtures refuses it until it is fixed.");
    }

    @Override
    public void noted(String api, String note) {
        ObservedTraffic traffic;
        synchronized (byApi) {
            traffic = byApi.get(api);
        }
        if (traffic != null) {
            traffic.note(note);
        }
    }

    @Override
    public Optional<Written> write() {
        List<ObservedTraffic> runs;
        synchronized (byApi) {
            runs = new ArrayList<>(byApi.values());
        }
        List<RunResult> results = runs.stream().map(ObservedTraffic::result).toList();
        Reports.write(folder, results);
        return Optional.of(new Written(folder, List.of(Reports.XML_FILE, Reports.MARKDOWN_FILE, Reports.HTML_FILE),
                runs.stream().mapToInt(ObservedTraffic::exchanges).sum(),
                runs.stream().mapToInt(ObservedTraffic::withViolations).sum()));
    }

    private ObservedTraffic traffic(ProxiedExchange exchange) {
        synchronized (byApi) {
            return byApi.computeIfAbsent(exchange.api(),
                    api -> new ObservedTraffic(exchange.spec(), targets.apply(api)));
        }
    }
}
