package dev.hookstub.conformance.cli;

import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.CompareTarget;
import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.Difference;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.report.Reports;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Problems;
import dev.hookstub.openapi.SpecLoadException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code hookstub check}: every check on every operation of one spec against one server. Exit status 0 when all
 * pass, 1 when a check fails, 2 for a usage problem or a server that cannot be reached (one line naming it).
 */
public final class CheckCommand {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int ENGINE_ERROR = 3;
    /** Beyond this many operations the console lists only failures and errors; the reports list everything. */
    private static final int OPERATIONS_LISTED_IN_FULL = 100;

    private static final String USAGE_TEXT = """
            Usage: hookstub check --spec <mollie|equalsmoney|partoo|mijnklantportaal|FILE|URL> --base-url URL [options]

            Checks a server against an OpenAPI 3.0 or 3.1 document: every operation, every check.

              --spec S               a preset (one of hookstub's four APIs), a spec file, or an http(s) URL of one
              --base-url URL         where the spec's server URL is served: a provider's own root, or for the stub
                                     the API's mount, e.g. http://127.0.0.1:8080/mollie
              --credential V         sent where an operation's security asks for one, as its scheme says (presets:
                                     the stub's default key); visible to `ps`: prefer one of the next two
              --credential-env NAME  the credential from environment variable NAME
              --credential-file F    the credential from file F (its first line)
              --second-credential V  another tenant's credential, for tenant_isolation (presets given no
                                     --credential: the stub's second-tenant key); also --second-credential-env NAME
                                     and --second-credential-file F
              --webhook-id ID        an existing record to read instead of the spec's example record
              --read-only            never send POST, PUT, PATCH or DELETE
              --checks a,b           only these checks
              --exclude-checks a,b   every check but these
              --seed N               replay a run (the seed is printed)
              --cases N              generated valid requests per operation (default 8)
              --report DIR           write conformance.xml (JUnit), conformance-report.md and conformance-report.html
              --request-timeout T    how long one request may go unanswered (default 5s); a request that times out
                                     fails its check and the run goes on. T is 500ms, 5s, 2m, ...
              --max-response-time T  the max_response_time check: every answer within T
              --max-duration T       stop starting operations after T; those not reached are skipped, saying so
              --exchange-log FILE    every request and answer, one JSON object a line (credentials masked)
              --compare-with URL     also send every request that needs no earlier answer to this server (the stub
                                     beside a sandbox, two versions of a server) and report where the answers differ
                                     in status, content type, properties and their types, or error format
              --compare-credential V its credential (also -env NAME and -file F); --compare-second-credential V
                                     (also -env and -file) another tenant's there
              --help                 this text

            Checks: %s
            Exit status: 0 all checks passed; 1 a check failed; 2 bad input (usage, an unreadable spec, a server that
            cannot be reached, a report folder that cannot be written); 3 no check failed, but the engine could not
            check some operation (its ERROR line says why).
            """;

    /**
     * The schema validator warns about every vendor extension ({@code x-...}) in a spec; they are not errors.
     * Held in a field so that the logger, and its level, are not garbage-collected.
     */
    private static final java.util.logging.Logger UNKNOWN_KEYWORDS =
            java.util.logging.Logger.getLogger("com.networknt.schema.keyword.UnknownKeywordFactory");

    static {
        UNKNOWN_KEYWORDS.setLevel(java.util.logging.Level.SEVERE);
    }

    private final PrintStream out;
    private final PrintStream err;

    public CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CheckCommand(System.out, System.err).run(args));
    }

    /** Runs the command; returns the exit status instead of exiting, so that it can be tested and embedded. */
    public int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("hookstub check: " + e.getMessage() + " (see hookstub check --help)");
            return USAGE;
        }
        if (options.help) {
            out.print(USAGE_TEXT.formatted(checkNames()));
            return PASSED;
        }
        OpenApiSpec spec;
        Optional<Preset> preset = Preset.named(options.spec);
        try {
            spec = preset.map(Preset::spec).orElseGet(() -> OpenApiSpec.load(options.spec));
        } catch (SpecLoadException e) {
            // A bare word that names no file was most likely meant as a preset ("molly").
            boolean bareWord = options.spec.matches("[A-Za-z0-9_-]+") && e.getMessage().endsWith("no such file");
            err.println("hookstub check: " + e.getMessage() + (bareWord ? ", nor a preset (" + Arrays.stream(
                    Preset.values()).map(Preset::id).collect(Collectors.joining(", ")) + ")" : ""));
            return USAGE;
        }
        String credential = options.credential != null ? options.credential
                : preset.map(Preset::stubCredential).orElse(null);
        String second = options.secondCredential != null ? options.secondCredential
                : options.credential == null ? preset.flatMap(Preset::stubSecondCredential).orElse(null) : null;
        RunTarget target = new RunTarget(options.baseUrl, credential, second, Optional.ofNullable(options.webhookId),
                options.readOnly, preset.isPresent() || options.webhookId != null);
        Optional<String> unwritable = options.report == null ? Optional.empty() : ReportFolder.problem(options.report);
        if (unwritable.isPresent()) {
            err.println("hookstub check: cannot write the report to " + options.report + ": " + unwritable.get());
            return USAGE;
        }
        Optional<String> noLog = options.exchangeLog == null ? Optional.empty()
                : ExchangeLogFile.problem(options.exchangeLog);
        if (noLog.isPresent()) {
            err.println("hookstub check: cannot write the exchange log " + options.exchangeLog + ": " + noLog.get());
            return USAGE;
        }
        for (String server : options.compareWith == null ? List.of(target.serverUrl())
                : List.of(target.serverUrl(), options.compareWith)) {
            Optional<String> unreachable = unreachable(server, options.requestTimeout);
            if (unreachable.isPresent()) {
                err.println("hookstub check: cannot reach " + server + ": " + unreachable.get());
                return USAGE;
            }
        }
        RunSettings settings = RunSettings.defaults().withChecks(options.checks)
                .withRequestTimeout(options.requestTimeout);
        if (options.seed != null) {
            settings = settings.withSeed(options.seed);
        }
        if (options.cases != null) {
            settings = settings.withGeneratedCases(options.cases);
        }
        if (options.maxResponseTime != null) {
            settings = settings.withMaxResponseTime(options.maxResponseTime);
        }
        if (options.maxDuration != null) {
            settings = settings.withMaxDuration(options.maxDuration);
        }
        if (spec.operations().isEmpty()) {
            out.println(spec.name() + " (" + spec.title() + ") declares no operation under 'paths' (its webhooks, if"
                    + " any, are requests it sends, not ones a server answers): there is nothing to check.");
        }
        out.println("Checking " + spec.name() + " (" + spec.title() + ", " + spec.operations().size()
                + " operation(s)) at " + target.serverUrl() + (target.readOnly() ? ", read-only" : "") + "; seed "
                + settings.seed() + " (replay with --seed " + settings.seed() + ")");
        RunResult checked;
        try (ExchangeLogFile log = ExchangeLogFile.open(options.exchangeLog)) {
            ConformanceRun run = new ConformanceRun(spec, target, settings);
            if (options.compareWith != null) {
                // Each server its own credential; unless given, a preset's other server is taken to be a stub too.
                String otherCredential = options.compareCredential != null ? options.compareCredential
                        : preset.map(Preset::stubCredential).orElse(credential);
                String otherSecond = options.compareSecondCredential != null ? options.compareSecondCredential
                        : options.compareCredential == null ? second : null;
                run.comparingWith(new CompareTarget(options.compareWith, otherCredential, otherSecond));
            }
            checked = run
                    .reportingProgressTo(line -> out.println("  " + line.replaceFirst("^(\\[\\d+/\\d+\\]) ", "$1 checking ")
                            + " ..."))
                    .loggingExchangesTo(log)
                    .run();
        } catch (UncheckedIOException e) {
            err.println("hookstub check: " + e.getMessage());
            return USAGE;
        }
        RunResult result = preset.isPresent() ? withStubMount(checked, preset.get(), options.baseUrl) : checked;
        boolean full = spec.operations().size() <= OPERATIONS_LISTED_IN_FULL;
        result.results().stream()
                .filter(r -> full || r.outcome() == Outcome.FAILED || r.outcome() == Outcome.ERROR)
                .forEach(r -> out.println(line(r)));
        if (!full) {
            out.println("  (PASS and SKIP lines are left out for " + spec.operations().size()
                    + " operations; the reports list every result)");
        }
        result.notes().forEach(note -> out.println("Note: " + note));
        result.comparedWith().ifPresent(other -> {
            long operations = result.differences().stream().map(Difference::operation).distinct().count();
            out.println(result.differences().isEmpty() ? "Compared with " + other + ": no difference."
                    : "Compared with " + other + ": " + result.differences().size() + " difference(s) in " + operations
                            + " operation(s)" + (result.differences().size() > 20 ? "; the first 20:" : ":"));
            result.differences().stream().limit(20).forEach(difference -> out.println("  DIFF " + difference.operation()
                    + " (" + difference.request() + "): " + difference.describe()));
        });
        if (options.report != null) {
            try {
                out.print(Reports.write(options.report, List.of(result)));
            } catch (UncheckedIOException e) {
                err.println("hookstub check: " + e.getMessage());
                return USAGE;
            }
            // Beside the Markdown report the summary names, as it names that one: absolute.
            out.println("Also: " + options.report.resolve(Reports.XML_FILE).toAbsolutePath().normalize() + ", "
                    + options.report.resolve(Reports.HTML_FILE).toAbsolutePath().normalize());
        } else {
            out.print(Reports.summary(List.of(result), null));
        }
        long failed = result.count(Outcome.FAILED);
        long errors = result.count(Outcome.ERROR);
        long erroredOperations = result.errors().stream().map(CheckResult::operationId).distinct().count();
        if (failed == 0 && errors == 0 && result.count(Outcome.PASSED) == 0) {
            // Nothing judged is no pass: a CI reading "All checks passed" would take it for one.
            out.println("Nothing was checked (" + result.count(Outcome.SKIPPED) + " skipped, " + result.cases()
                    + " requests): " + (result.count(Outcome.SKIPPED) > 0 ? "the SKIP lines say why."
                    : "the document has no operation to send a request to (its paths are empty, or it describes "
                    + "webhooks only)."));
            return PASSED;
        }
        if (failed == 0 && errors == 0) {
            out.println("All checks passed (" + result.count(Outcome.PASSED) + " passed, "
                    + result.count(Outcome.SKIPPED) + " skipped, " + result.cases() + " requests).");
            return PASSED;
        }
        if (failed > 0) {
            out.println(failed + " check(s) failed" + (errors == 0 ? "." : "; the engine could not check "
                    + erroredOperations + " operation(s) (ERROR lines)."));
            return FAILED;
        }
        out.println("No check failed, but the engine could not check " + erroredOperations
                + " operation(s); their ERROR lines say why.");
        return ENGINE_ERROR;
    }

    /** Every check's name, for the help text and for the error naming an unknown one. */
    private static String checkNames() {
        return String.join(", ", Check.ofTheEngine().stream().map(Check::checkName).toList());
    }

    /** One line per operation × check: a failure's first reason (pointer and expectation), an error's cause. */
    private static String line(CheckResult r) {
        return switch (r.outcome()) {
            case PASSED -> "  PASS " + r.displayName() + " (" + r.cases() + " requests)";
            case SKIPPED -> "  SKIP " + r.displayName() + ": " + r.skipReason();
            case ERROR -> "  ERROR " + r.displayName() + ": " + r.skipReason();
            case FAILED -> "  FAIL " + r.displayName() + " (" + r.failureCount() + " of " + r.cases() + "): "
                    + r.firstReason();
        };
    }

    /**
     * A preset's wrong base URL is most often the stub's root, or the provider's path without the stub's mount: the
     * note says where the stub serves the API ({@code /partoo/v2}, not the spec's {@code /v2}).
     */
    private static RunResult withStubMount(RunResult result, Preset preset, String baseUrl) {
        URI given = URI.create(baseUrl);
        String root = given.getScheme() + "://" + given.getRawAuthority();
        return result.withNotes(result.notes().stream().map(note -> note.contains(ConformanceRun.WRONG_BASE_URL)
                ? note + " On a hookstub stub at " + root + ", " + preset.id() + " is at " + preset.stubServerUrl(root)
                + "." : note).toList());
    }

    /** Any HTTP answer at all means the server is there; only a failure to connect is a problem. */
    private static Optional<String> unreachable(String url, Duration timeout) {
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout.plusSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("not a valid URL");
        } catch (IOException e) {
            return Optional.of(Problems.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** A command line that cannot be read: one line saying why, and exit status 2. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private static final class Options {
        String spec;
        String baseUrl;
        String credential;
        String secondCredential;
        String webhookId;
        boolean readOnly;
        boolean help;
        Set<Check> checks = Check.ofTheEngine();
        Long seed;
        Integer cases;
        Path report;
        Path exchangeLog;
        String compareWith;
        String compareCredential;
        String compareSecondCredential;
        Duration requestTimeout = RunSettings.DEFAULT_REQUEST_TIMEOUT;
        Duration maxResponseTime;
        Duration maxDuration;

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--help", "-h" -> o.help = true;
                    case "--read-only" -> o.readOnly = true;
                    case "--spec", "--base-url", "--credential", "--second-credential", "--webhook-id", "--checks",
                         "--exclude-checks", "--seed", "--cases", "--report", "--credential-env", "--credential-file",
                         "--second-credential-env", "--second-credential-file", "--request-timeout",
                         "--max-response-time", "--max-duration", "--exchange-log", "--compare-with",
                         "--compare-credential", "--compare-credential-env", "--compare-credential-file",
                         "--compare-second-credential", "--compare-second-credential-env",
                         "--compare-second-credential-file" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        if (values.put(name, value) != null) {
                            throw new UsageException(name + " given twice");
                        }
                    }
                    default -> throw new UsageException("unknown option " + (arg.startsWith("-") ? name : "'" + arg
                            + "'"));
                }
            }
            if (o.help) {
                return o;
            }
            o.spec = required(values, "--spec");
            o.baseUrl = required(values, "--base-url");
            if (!o.baseUrl.startsWith("http://") && !o.baseUrl.startsWith("https://")) {
                throw new UsageException("--base-url must be an http:// or https:// URL, got '" + o.baseUrl + "'");
            }
            o.credential = Secrets.one(values, "--credential");
            o.secondCredential = Secrets.one(values, "--second-credential");
            o.webhookId = values.get("--webhook-id");
            if (values.containsKey("--checks") && values.containsKey("--exclude-checks")) {
                throw new UsageException("--checks and --exclude-checks cannot be combined");
            }
            if (values.containsKey("--checks")) {
                o.checks = checks(values.get("--checks"), "--checks");
            }
            if (values.containsKey("--exclude-checks")) {
                o.checks = Check.ofTheEngine();
                o.checks.removeAll(checks(values.get("--exclude-checks"), "--exclude-checks"));
                if (o.checks.isEmpty()) {
                    throw new UsageException("--exclude-checks leaves no check to make");
                }
            }
            o.seed = number(values, "--seed", Long.MIN_VALUE).map(Number::longValue).orElse(null);
            o.cases = number(values, "--cases", 0).map(Number::intValue).orElse(null);
            o.report = Optional.ofNullable(values.get("--report")).map(Path::of).orElse(null);
            o.exchangeLog = Optional.ofNullable(values.get("--exchange-log")).map(Path::of).orElse(null);
            o.compareWith = values.get("--compare-with");
            if (o.compareWith != null && !o.compareWith.startsWith("http://") && !o.compareWith.startsWith("https://")) {
                throw new UsageException("--compare-with must be an http:// or https:// URL, got '" + o.compareWith + "'");
            }
            o.compareCredential = Secrets.one(values, "--compare-credential");
            o.compareSecondCredential = Secrets.one(values, "--compare-second-credential");
            if (o.compareWith == null) {
                Optional<String> stray = values.keySet().stream().filter(option -> option.startsWith("--compare-"))
                        .findFirst();
                if (stray.isPresent()) {
                    throw new UsageException(stray.get() + " is the credential of the server --compare-with names, "
                            + "and there is none");
                }
            }
            if (values.containsKey("--request-timeout")) {
                o.requestTimeout = Durations.parse("--request-timeout", values.get("--request-timeout"));
            }
            if (values.containsKey("--max-response-time")) {
                o.maxResponseTime = Durations.parse("--max-response-time", values.get("--max-response-time"));
            }
            if (values.containsKey("--max-duration")) {
                o.maxDuration = Durations.parse("--max-duration", values.get("--max-duration"));
            }
            return o;
        }

        private static String required(Map<String, String> values, String name) throws UsageException {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new UsageException(name + " is required");
            }
            return value;
        }

        private static Set<Check> checks(String list, String option) throws UsageException {
            Set<Check> selected = EnumSet.noneOf(Check.class);
            List<String> unknown = new ArrayList<>();
            for (String name : list.split(",")) {
                String trimmed = name.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                Check.named(trimmed).filter(Check.ofTheEngine()::contains)
                        .ifPresentOrElse(selected::add, () -> unknown.add(trimmed));
            }
            if (!unknown.isEmpty()) {
                throw new UsageException(option + ": unknown check(s) " + String.join(", ", unknown) + "; known: "
                        + checkNames());
            }
            if (selected.isEmpty()) {
                throw new UsageException(option + " names no check");
            }
            return selected;
        }

        private static Optional<Long> number(Map<String, String> values, String name, long min) throws UsageException {
            String value = values.get(name);
            if (value == null) {
                return Optional.empty();
            }
            try {
                long parsed = Long.parseLong(value.trim());
                if (parsed < min || (min == 0 && parsed > 10_000)) {
                    throw new UsageException(name + " out of range: " + value);
                }
                return Optional.of(parsed);
            } catch (NumberFormatException e) {
                // A whole number too large for a long is out of range, not "no whole number".
                throw new UsageException(value.trim().matches("[+-]?\\d+") ? name + " out of range: " + value
                        : name + " must be a whole number, got '" + value + "'");
            }
        }
    }
}
