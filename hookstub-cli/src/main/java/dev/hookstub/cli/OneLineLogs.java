package dev.hookstub.cli;

/**
 * Every command logs one line per record (the stub's {@code --log-requests}, the proxy's violations): java.util.logging's
 * default console format takes two (the time and the logger, then the message). Unless the user set a format of their
 * own, each record is one line: {@code 14:03:07 WARNING partoo GET /partoo/v2/webhooks/1 -> 200: response ...}.
 */
final class OneLineLogs {

    static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private OneLineLogs() {
    }

    /** Before the first record is logged: the console handler reads the format when it is made. */
    static void unlessConfigured() {
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, "%1$tT %4$s %5$s%6$s%n");
        }
    }
}
