package dev.hookstub.server.admin;

import dev.hookstub.api.admin.ProxyApi;
import dev.hookstub.api.admin.model.AdminProxyReport;
import dev.hookstub.server.proxy.ProxyReport;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /__admin/proxy/report} ({@link ProxyApi}): the proxy's report, written now over the traffic seen so
 * far; a stub with nowhere to write one says so with no folder and no files.
 */
public final class ProxyReportResource implements ProxyApi {

    private final ProxyReport report;

    ProxyReportResource(ProxyReport report) {
        this.report = report;
    }

    @Override
    public Response writeProxyReport() {
        Optional<ProxyReport.Written> written = report.write();
        return Response.ok(new AdminProxyReport()
                .folder(written.map(w -> w.folder().toAbsolutePath().normalize().toString()).orElse(null))
                .files(written.map(ProxyReport.Written::files).orElse(List.of()))
                .exchanges(written.map(w -> (long) w.exchanges()).orElse(0L))
                .withViolations(written.map(w -> (long) w.withViolations()).orElse(0L))).build();
    }
}
