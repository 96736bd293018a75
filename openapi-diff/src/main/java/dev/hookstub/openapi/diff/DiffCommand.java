package dev.hookstub.openapi.diff;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SpecLoadException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code hookstub diff OLD NEW}: what changed between two versions of an OpenAPI document, and whom each change
 * breaks. Exit status 0 when done, 1 when {@code --fail-on} names a level that a change reaches, 2 for bad input or
 * usage (one line naming it).
 */
public final class DiffCommand {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: hookstub diff OLD NEW [options]

            Reports what changed between two versions of an OpenAPI 3.0 or 3.1 document, one entry per change: where
            (operation, JSON pointer), what, its severity (error, warning, info) and whom it affects (client,
            generated-java-client, server). OLD and NEW are each a file (YAML or JSON), an http(s) URL, or a preset
            of hookstub's (mollie, equalsmoney, partoo, mijnklantportaal).

              --format F             text (default), markdown or json
              --fail-on LEVEL        breaking: exit 1 when a change is an error; warning: when an error or a warning
              --output FILE          write the report to FILE instead of standard output
              --help                 this text

            Exit status: 0 done, 1 a change at the --fail-on level, 2 bad input or usage.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, Optional<OpenApiSpec>> presets;

    /** @param presets the spec a preset name stands for; empty for any other argument */
    public DiffCommand(PrintStream out, PrintStream err, Function<String, Optional<OpenApiSpec>> presets) {
        this.out = out;
        this.err = err;
        this.presets = presets;
    }

    /** Without presets: every argument is a file or URL. */
    public DiffCommand(PrintStream out, PrintStream err) {
        this(out, err, name -> Optional.empty());
    }

    public static void main(String[] args) {
        System.exit(new DiffCommand(System.out, System.err).run(args));
    }

    /** Runs the command; returns the exit status instead of exiting, so that it can be tested and embedded. */
    public int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("hookstub diff: " + e.getMessage() + " (see hookstub diff --help)");
            return USAGE;
        }
        if (options.help) {
            out.print(USAGE_TEXT);
            return DONE;
        }
        OpenApiSpec before;
        OpenApiSpec after;
        try {
            before = SpecArgument.load(options.oldSpec, presets);
            after = SpecArgument.load(options.newSpec, presets);
        } catch (SpecLoadException e) {
            err.println("hookstub diff: " + e.getMessage());
            return USAGE;
        }
        DiffReport report = SpecDiff.compare(options.oldSpec, before.document(), options.newSpec, after.document());
        String rendered = options.format.render(report);
        if (options.output == null) {
            out.print(rendered);
        } else {
            try {
                Files.writeString(options.output, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("hookstub diff: cannot write " + options.output + ": " + e.getMessage());
                return USAGE;
            }
            out.println("hookstub diff: " + report.summary() + "; report written to " + options.output);
        }
        return options.failOn != null && report.has(options.failOn) ? FAILED : DONE;
    }

    private static final class Options {
        String oldSpec;
        String newSpec;
        ReportFormat format = ReportFormat.TEXT;
        Severity failOn;
        Path output;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> specs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                int eq = arg.indexOf('=');
                String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
                String inline = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
                switch (name) {
                    case "--help", "-h" -> o.help = true;
                    case "--format", "--fail-on", "--output" -> {
                        String value = inline;
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        o.set(name, value);
                    }
                    default -> {
                        if (arg.startsWith("-") && arg.length() > 1) {
                            throw new IllegalArgumentException("unknown option " + name);
                        }
                        specs.add(arg);
                    }
                }
            }
            if (!o.help && specs.size() != 2) {
                throw new IllegalArgumentException("needs two documents, OLD and NEW; got " + specs.size());
            }
            if (!o.help) {
                o.oldSpec = specs.get(0);
                o.newSpec = specs.get(1);
            }
            return o;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--format" -> format = ReportFormat.named(value).orElseThrow(() ->
                        new IllegalArgumentException("--format must be text, markdown or json, got '" + value + "'"));
                case "--fail-on" -> failOn = switch (value) {
                    case "breaking", "error" -> Severity.ERROR;
                    case "warning" -> Severity.WARNING;
                    default -> throw new IllegalArgumentException("--fail-on must be breaking or warning, got '"
                            + value + "'");
                };
                default -> output = Path.of(value);
            }
        }
    }
}
