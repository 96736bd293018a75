package dev.hookstub.server.proxy;

import dev.hookstub.server.journal.SpecViolation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the proxy's findings go to be reported (JUnit XML, Markdown and HTML, as {@code hookstub check} writes them):
 * every exchange, every recorded record that breaks the spec, and a report written when asked for
 * ({@code POST /__admin/proxy/report}) or at exit. The stub knows no report format: the command that starts the
 * proxy gives one (docs/adr/010).
 */
public interface ProxyReport {

    /** No report: exchanges are journaled, logged and carried in headers only. */
    ProxyReport NONE = new ProxyReport() {
        @Override
        public void exchanged(ProxiedExchange exchange) {
        }

        @Override
        public void flagged(String api, String recordId, List<SpecViolation> violations) {
        }

        @Override
        public void noted(String api, String note) {
        }

        @Override
        public Optional<Written> write() {
            return Optional.empty();
        }
    };

    /** A report as written: its folder, its files, and how many requests it covers and how many broke the spec. */
    record Written(Path folder, List<String> files, int exchanges, int withViolations) {
    }

    /** Called once per request, from the thread that finished it; must not block for long. */
    void exchanged(ProxiedExchange exchange);

    /** A record {@code --record} wrote as the upstream answered it, though it breaks the spec. */
    void flagged(String api, String recordId, List<SpecViolation> violations);

    /** Something else {@code --record} did that a reader of the report should know, in a sentence. */
    void noted(String api, String note);

    /** Writes the report over everything seen so far; empty when there is nowhere to write it. */
    Optional<Written> write();
}
