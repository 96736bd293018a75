package dev.hookstub.server.admin;

import dev.hookstub.server.proxy.ProxyReport;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /__admin/proxy/report}: the proxy's report, written now over the traffic seen so far; a stub with
 * nowhere to write one says so with no folder and no files.
 */
@Path("proxy/report")
@Produces(MediaType.APPLICATION_JSON)
public final class ProxyReportResource {

    private final ProxyReport report;

    ProxyReportResource(ProxyReport report) {
        this.report = report;
    }

    @POST
    public Response write() {
        Optional<ProxyReport.Written> written = report.write();
        // A tree: the admin API's mapper leaves a null out of a map, and the spec writes the folder when null too.
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("folder", written.map(w -> w.folder().toAbsolutePath().normalize().toString()).orElse(null));
        ArrayNode files = body.putArray("files");
        written.map(ProxyReport.Written::files).orElse(List.of()).forEach(files::add);
        body.put("exchanges", written.map(ProxyReport.Written::exchanges).orElse(0));
        body.put("withViolations", written.map(ProxyReport.Written::withViolations).orElse(0));
        return Response.ok(body).build();
    }
}
