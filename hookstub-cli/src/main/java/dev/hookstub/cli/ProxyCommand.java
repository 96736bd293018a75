package dev.hookstub.cli;

import dev.hookstub.conformance.cli.CheckCommand;
import dev.hookstub.conformance.cli.Durations;
import dev.hookstub.conformance.cli.ReportFolder;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SpecLoadException;
import dev.hookstub.server.CommandLine;
import dev.hookstub.server.Main;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.proxy.Upstream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hookstub proxy --spec S --upstream URL}: the stub as a validating proxy in front of a provider's sandbox
 * (docs/sandbox.md). A preset's API is served at the stub's mount and forwarded to the upstream (the other APIs are
 * stubbed as usual); any other document is served at {@code /}. It takes every option of {@code serve} besides its
 * own; a mistake in them ends the start in one line, exit status 2, as {@code serve}'s do.
 */
final class ProxyCommand {

    static final int USAGE = 2;

    static final List<CommandLine.Option> OWN = List.of(
            new CommandLine.Option("--spec", "HOOKSTUB_PROXY_SPEC", null, "spec",
                    "Required. A preset (mollie, equalsmoney, partoo, mijnklantportaal: served at the stub's mount, "
                            + "refusals in the API's own format), or a file or http(s) URL of any OpenAPI 3.0/3.1 "
                            + "document (served at /, refusals as RFC 7807 problem details)."),
            new CommandLine.Option("--upstream", "HOOKSTUB_UPSTREAM", null, "url",
                    "Required. Where requests go: the URL that stands for the spec's server URL, e.g. "
                            + "https://api.sandbox.partoo.co/v2 (for a preset on a stub: the API's mount)."),
            new CommandLine.Option("--upstream-ca", "HOOKSTUB_UPSTREAM_CA", null, "file",
                    "PEM or DER certificate(s) of a private certificate authority whose certificates the upstream "
                            + "may present, besides those the JDK's trust store vouches for."),
            new CommandLine.Option("--upstream-timeout", "HOOKSTUB_UPSTREAM_TIMEOUT", "5s", "duration",
                    "How long the upstream has to answer, e.g. 500ms, 5s, 1m (default: 5s); then the answer is a 504. "
                            + "One that cannot be reached is a 502."),
            new CommandLine.Option("--errors", "HOOKSTUB_PROXY_ERRORS", "false", CommandLine.FLAG,
                    "Refuse a request that breaks the spec before it leaves, in the API's error format, and replace "
                            + "an answer that breaks it by a 502 naming the violation (default: false: forward and "
                            + "answer unchanged, naming violations in the Hookstub-Violations header)."),
            new CommandLine.Option("--record", "HOOKSTUB_RECORD", null, "folder",
                    "Write what the upstream answers as fixtures in the stub's own format (<api>.json, what serve "
                            + "--fixtures loads); a preset only."),
            new CommandLine.Option("--record-secrets", "HOOKSTUB_RECORD_SECRETS", "false", CommandLine.FLAG,
                    "Keep secrets (signing secrets, tokens, authorization headers) in recorded fixtures; without "
                            + "it they are written as hookstub-recorded-secret."),
            new CommandLine.Option("--report", "HOOKSTUB_PROXY_REPORT", null, "folder",
                    "Write a report of every request and answer, per operation (conformance.xml, "
                            + "conformance-report.md, conformance-report.html, as hookstub check writes them) at exit, "
                            + "and whenever POST /__admin/proxy/report asks for it."));

    static final List<CommandLine.Option> OPTIONS = all();

    private static final String HEAD = """
            Usage: hookstub proxy --spec S --upstream URL [--option value | --option=value]...
            A validating proxy in front of a provider's sandbox: forwards each request unchanged, checks the request
            and the answer against the spec, and names what breaks it in the Hookstub-Violations header, the request
            journal (/__admin/{api}/requests), the log and the report. It is the stub too: the options after --report
            are serve's, and the APIs it does not forward are stubbed.
            """;

    private final PrintWriter out;
    private final PrintWriter err;

    ProxyCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    private static List<CommandLine.Option> all() {
        List<CommandLine.Option> options = new ArrayList<>(OWN);
        options.addAll(CommandLine.OPTIONS);
        return List.copyOf(options);
    }

    static String help() {
        return CommandLine.help(HEAD, OPTIONS);
    }

    /** Starts the proxy and runs it until the process is stopped; returns the exit status. */
    int run(String[] args) {
        if (CommandLine.asksFor(args, "-h", "--help")) {
            out.print(help());
            out.flush();
            return 0;
        }
        if (CommandLine.asksFor(args, "-V", "--version")) {
            // The help lists it, as serve's does: the proxy is the stub.
            out.println(CommandLine.VERSION);
            out.flush();
            return 0;
        }
        Main stub;
        ServerConfig config;
        ProxySettings proxy;
        try {
            CommandLine options = CommandLine.parse(OPTIONS, args, System::getenv);
            stub = Main.of(options);
            proxy = settings(options);
            config = stub.config().withProxy(proxy);
        } catch (ConfigException | SpecLoadException | InvalidPathException e) {
            err.println("hookstub: " + e.getMessage() + " (see hookstub proxy --help)");
            return USAGE;
        }
        OneLineLogs.unlessConfigured();
        try {
            return stub.serve(config, () -> proxy.report().write().ifPresent(written -> out.println(
                    "hookstub proxy: report of " + written.exchanges() + " request(s), " + written.withViolations()
                            + " breaking the spec, written to " + written.folder().toAbsolutePath())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            err.println("hookstub: " + e.getMessage());
            return USAGE;
        }
    }

    private static ProxySettings settings(CommandLine options) {
        String spec = required(options, "--spec");
        Upstream upstream = Upstream.of(required(options, "--upstream")).withTimeout(timeout(options));
        String authority = options.value("--upstream-ca");
        if (authority != null) {
            upstream = upstream.withCertificateAuthority(Path.of(authority));
        }
        Optional<Preset> preset = Preset.named(spec);
        ProxySettings settings = preset.isPresent() ? ProxySettings.forApi(preset.get().id(), upstream)
                : ProxySettings.forDocument(OpenApiSpec.load(spec), upstream);
        settings = settings.withErrors(options.booleanValue("--errors"));
        String record = options.value("--record");
        if (record != null) {
            settings = settings.withRecording(Path.of(record), options.booleanValue("--record-secrets"));
        }
        String report = options.value("--report");
        if (report != null) {
            Path folder = Path.of(report);
            ReportFolder.problem(folder).ifPresent(problem -> {
                throw new ConfigException("--report " + folder + ": " + problem);
            });
            Upstream target = upstream;
            settings = settings.withReport(new ProxyReportFolder(folder,
                    api -> target + " (through hookstub proxy)"));
        }
        return settings;
    }

    private static String required(CommandLine options, String name) {
        String value = options.value(name);
        if (value == null || value.isBlank()) {
            throw new ConfigException(name + " is required");
        }
        return value;
    }

    private static java.time.Duration timeout(CommandLine options) {
        try {
            return Durations.parse("--upstream-timeout", options.value("--upstream-timeout"));
        } catch (CheckCommand.UsageException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
