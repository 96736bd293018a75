package dev.hookstub.cli;

import dev.hookstub.conformance.cli.CheckCommand;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.openapi.diff.DiffCommand;
import dev.hookstub.server.Main;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The {@code hookstub} command: {@code serve} runs the stub server (also what options alone, or nothing, mean),
 * {@code check} checks a server against a spec, {@code diff} reports what changed between two versions of a spec,
 * {@code proxy} puts the stub in front of a sandbox as a validating proxy.
 * Each subcommand's classes are loaded only when it runs, so {@code serve} starts as fast as the stub alone.
 */
public final class HookstubCommand {

    static final String HELP = """
            Usage: hookstub <command> [options]

            Commands:
              serve   run the stub server of the four webhook APIs (the default: options alone mean serve)
              check   check a server against an OpenAPI 3.0/3.1 spec: hookstub check --spec mollie --base-url URL
              proxy   a validating proxy in front of a sandbox: hookstub proxy --spec partoo --upstream URL
              diff    what changed between two versions of a spec, and whom it breaks: hookstub diff OLD NEW

            hookstub <command> --help shows a command's options.
            """;

    private HookstubCommand() {
    }

    public static void main(String[] args) {
        OneLineLogs.unlessConfigured();
        if (args.length == 0 || args[0].startsWith("-") && !isHelp(args[0])) {
            Main.main(args);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "serve" -> Main.main(rest);
            case "check" -> System.exit(new CheckCommand(System.out, System.err).run(rest));
            case "diff" -> System.exit(diff(System.out, System.err).run(rest));
            case "proxy" -> {
                int exit = new ProxyCommand(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                        .run(rest);
                if (exit != 0) {
                    System.exit(exit);
                }
            }
            case "help", "--help", "-h" -> System.out.print(HELP);
            default -> {
                PrintStream err = System.err;
                err.println("hookstub: unknown command '" + args[0] + "' (commands: serve, check, diff, proxy; see "
                        + "hookstub --help)");
                System.exit(2);
            }
        }
    }

    /** {@code hookstub diff}, where a preset's name stands for the spec hookstub ships for it. */
    static DiffCommand diff(PrintStream out, PrintStream err) {
        return new DiffCommand(out, err, name -> Preset.named(name).map(Preset::spec));
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }
}
