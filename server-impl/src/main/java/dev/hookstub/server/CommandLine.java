package dev.hookstub.server;

import dev.hookstub.server.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stub's command line: {@code --name value} or {@code --name=value}, each option falling back to an environment
 * variable, then to its default. Hand-written rather than a library because it is on the start-up path, where a
 * general-purpose parser cost a sixth of the time to the first answer; a mistake is a {@link ConfigException}
 * naming the option, which {@link Main} prints as one line.
 */
public final class CommandLine {

    /** One option: its name, environment variable, default (null for none), value label and help text. */
    public record Option(String name, String env, String defaultValue, String label, String description) {
    }

    /** The label of an option that may stand alone, meaning true: {@code --log-requests}. */
    public static final String FLAG = "true|false";

    /** {@code serve}'s options; a command that runs the stub as well (proxy) takes them besides its own. */
    public static final List<Option> OPTIONS = List.of(
            new Option("--host", "HOOKSTUB_HOST", "127.0.0.1", "address",
                    "Address to bind (default: 127.0.0.1). Anything but loopback exposes the stub to the network."),
            new Option("--port", "HOOKSTUB_PORT", "8080", "port", "Port to listen on, 0 for any free port (default: 8080)."),
            new Option("--credentials", "HOOKSTUB_CREDENTIALS", null, "file",
                    "JSON or YAML file of credentials replacing the defaults, per API section. See docs/stub.md for its "
                            + "shape."),
            new Option("--fixtures", "HOOKSTUB_FIXTURES", null, "folder",
                    "Folder of <api>.json files (arrays of records) loaded at start instead of the specs' example "
                            + "records."),
            new Option("--data-dir", "HOOKSTUB_DATA_DIR", null, "folder",
                    "Keep every record in an embedded H2 database in this folder; seeded with the fixtures on first "
                            + "start, kept as is on later starts. Default: in memory."),
            new Option("--admin-token", "HOOKSTUB_ADMIN_TOKEN", null, "token",
                    "Bearer token of the admin API (default: admin_test_key, accepted on loopback only: a --host "
                            + "beyond loopback needs a token of your own)."),
            new Option("--delivery-retries", "HOOKSTUB_DELIVERY_RETRIES", "5", "count",
                    "Retry every API's failed webhook deliveries this many times on the backoff of "
                            + "--delivery-retry-delay-ms, then mark them failed. Unset, each API follows its "
                            + "provider's documented schedule (Mollie: 10 calls over 26 h; Equals Money: every 5 min "
                            + "for two weeks; Partoo: 5 retries of a 5xx) and MijnKlantportaal, which documents none, "
                            + "retries 5 times on the backoff (see docs/delivery-retries.md)."),
            new Option("--delivery-allowed-hosts", "HOOKSTUB_DELIVERY_ALLOWED_HOSTS", "localhost,127.0.0.1,::1",
                    "hosts", "Hosts webhook deliveries may go to, comma-separated, or * for any (default: loopback "
                            + "only)."),
            new Option("--delivery-retry-delay-ms", "HOOKSTUB_DELIVERY_RETRY_DELAY_MS", "1000", "ms",
                    "Wait before the first retry on the backoff, in milliseconds; doubled for each further retry, "
                            + "with jitter (default: 1000). Given, it puts every API on the backoff, as "
                            + "--delivery-retries does."),
            new Option("--delivery-timeout-ms", "HOOKSTUB_DELIVERY_TIMEOUT_MS", "10000", "ms",
                    "How long a receiver has to answer a delivery attempt before it counts as failed, in "
                            + "milliseconds (default: 10000). On a shared --database, an instance that dies "
                            + "mid-attempt leaves it to another after this plus two seconds."),
            new Option("--journal-size", "HOOKSTUB_JOURNAL_SIZE", "1000", "count",
                    "Requests kept per API in the request journal (/__admin/{api}/requests), the oldest forgotten "
                            + "first; 0 keeps none (default: 1000)."),
            new Option("--log-requests", "HOOKSTUB_LOG_REQUESTS", "false", FLAG,
                    "Log one line per request to the APIs, with the reason for a refusal; given alone, true "
                            + "(default: false)."),
            new Option("--database", "HOOKSTUB_DATABASE", null, "jdbc-url",
                    "Keep every record in this PostgreSQL database (jdbc:postgresql://host:port/db), shared by every "
                            + "instance started on it; seeded once, migrated at start. Not with --data-dir."),
            new Option("--database-user", "HOOKSTUB_DATABASE_USER", null, "user", "User of the --database."),
            new Option("--database-password", "HOOKSTUB_DATABASE_PASSWORD", null, "password",
                    "Password of the --database user; never printed (prefer the environment variable)."));

    public static final String VERSION = "hookstub 0.1.0";

    private final List<Option> options;
    private final Map<String, String> given;
    private final Function<String, String> environment;

    private CommandLine(List<Option> options, Map<String, String> given, Function<String, String> environment) {
        this.options = options;
        this.given = given;
        this.environment = environment;
    }

    /** Reads {@code serve}'s arguments; {@code --help} and {@code --version} are for the caller to check first. */
    static CommandLine parse(String[] args, Function<String, String> environment) {
        return parse(OPTIONS, args, environment);
    }

    /** Reads the arguments of a command that takes {@code options}. */
    public static CommandLine parse(List<Option> options, String[] args, Function<String, String> environment) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            Option option = find(options, name);
            if (option == null) {
                throw new ConfigException(arg.startsWith("-") ? "Unknown option: '" + name + "'"
                        : "Unexpected argument: '" + arg + "' (options start with --)");
            }
            String value;
            if (equals > 0 && arg.startsWith("--")) {
                value = arg.substring(equals + 1);
            } else if (FLAG.equals(option.label())) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigException("Missing value for option '" + name + "' (<" + option.label() + ">)");
            }
            if (given.put(name, value) != null) {
                throw new ConfigException("Option '" + name + "' is given more than once");
            }
        }
        return new CommandLine(options, given, environment);
    }

    public static boolean asksFor(String[] args, String... flags) {
        for (String arg : args) {
            for (String flag : flags) {
                if (arg.equals(flag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The option's value: given, else its environment variable when set and not empty, else its default. */
    public String value(String name) {
        if (given.containsKey(name)) {
            return given.get(name);
        }
        Option option = find(options, name);
        if (option == null) {
            throw new IllegalArgumentException(name);
        }
        String fromEnvironment = environment.apply(option.env());
        return fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment : option.defaultValue();
    }

    /** Whether the option was given, on the command line or in its environment variable. */
    public boolean isSet(String name) {
        if (given.containsKey(name)) {
            return true;
        }
        Option option = find(options, name);
        if (option == null) {
            throw new IllegalArgumentException(name);
        }
        String fromEnvironment = environment.apply(option.env());
        return fromEnvironment != null && !fromEnvironment.isEmpty();
    }

    public int intValue(String name) {
        return (int) longValue(name, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
    }

    public long longValue(String name) {
        return longValue(name, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
    }

    private long longValue(String name, long min, long max, String kind) {
        String text = value(name);
        try {
            long parsed = Long.parseLong(text.strip());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid value for option '" + name + "': '" + text + "' is not " + kind
                    + (given.containsKey(name) ? "" : " (from " + find(options, name).env() + ")"));
        }
    }

    public boolean booleanValue(String name) {
        String text = value(name).strip().toLowerCase(java.util.Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new ConfigException("Invalid value for option '" + name + "': '" + value(name)
                    + "' is not true or false" + (given.containsKey(name) ? "" : " (from " + find(options, name).env()
                    + ")"));
        }
        return text.equals("true");
    }

    /** The option of that name, or null when there is none. */
    private static Option find(List<Option> options, String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    static String help() {
        return help("Usage: hookstub serve [--option value | --option=value]...\n"
                + "Stub server for the MijnKlantportaal, Equals Money, Partoo and Mollie webhook APIs.\n", OPTIONS);
    }

    /** A command's help: {@code head} (usage and what it does), then every option with its variable and text. */
    public static String help(String head, List<Option> options) {
        StringBuilder help = new StringBuilder(head)
                .append("Each option can also be set by its environment variable; the command line wins.\n\n");
        for (Option option : options) {
            help.append("  ").append(option.name()).append("=<").append(option.label()).append(">   env ")
                    .append(option.env()).append('\n');
            wrap(help, option.description());
        }
        help.append("  -h, --help      Show this help message and exit.\n")
                .append("  -V, --version   Print version information and exit.\n");
        return help.toString();
    }

    private static void wrap(StringBuilder out, String text) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > 72) {
                out.append("      ").append(line.toString().strip()).append('\n');
                line.setLength(0);
            }
            line.append(' ').append(word);
        }
        out.append("      ").append(line.toString().strip()).append('\n');
    }
}
