package dev.hookstub.server.proxy;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stub as a validating proxy (docs/sandbox.md): which of its APIs forward to an upstream instead of answering
 * (the others are stubbed as usual), or a document of any other API forwarded at {@code /}; whether what breaks the
 * spec is refused ({@code --errors}); where answers are recorded as fixtures; and where the findings are reported.
 *
 * @param apis          upstream per API id ({@code partoo}, ...)
 * @param document      any other document and its upstream, or null
 * @param errors        a request that breaks the spec is refused in the API's error format before it leaves, and an
 *                      answer that breaks it becomes a 502 naming the violation
 * @param recordDir     where {@code <api>.json} fixtures are written, or null for none
 * @param recordSecrets keep secrets in recorded fixtures instead of placeholders
 */
public record ProxySettings(Map<String, Upstream> apis, Document document, boolean errors, Path recordDir,
                            boolean recordSecrets, ProxyReport report) {

    /** A document the stub has no API for, forwarded at {@code /}: journaled as {@value #ID}. */
    public record Document(OpenApiSpec spec, Upstream upstream) {

        public static final String ID = "document";
    }

    public ProxySettings {
        apis = Map.copyOf(apis);
        if (apis.isEmpty() && document == null) {
            throw new ConfigException("a proxy needs an upstream for an API or a document");
        }
        if (document != null && recordDir != null) {
            throw new ConfigException("--record writes fixtures in the stub's own format: it needs a preset "
                    + "(mollie, equalsmoney, partoo, mijnklantportaal), not a document of another API");
        }
        report = report == null ? ProxyReport.NONE : report;
    }

    /** One of the stub's APIs forwarded to {@code upstream}. */
    public static ProxySettings forApi(String api, Upstream upstream) {
        return new ProxySettings(Map.of(api, upstream), null, false, null, false, ProxyReport.NONE);
    }

    /** Another API's document forwarded at {@code /} to {@code upstream}. */
    public static ProxySettings forDocument(OpenApiSpec spec, Upstream upstream) {
        return new ProxySettings(Map.of(), new Document(spec, upstream), false, null, false, ProxyReport.NONE);
    }

    public ProxySettings withErrors(boolean refuse) {
        return new ProxySettings(apis, document, refuse, recordDir, recordSecrets, report);
    }

    public ProxySettings withRecording(Path folder, boolean keepSecrets) {
        return new ProxySettings(apis, document, errors, folder, keepSecrets, report);
    }

    public ProxySettings withReport(ProxyReport newReport) {
        return new ProxySettings(apis, document, errors, recordDir, recordSecrets, newReport);
    }
}
