package dev.hookstub.server.admin;

import dev.hookstub.api.admin.RequestsApi;
import dev.hookstub.api.admin.model.AdminJournalEntry;
import dev.hookstub.api.admin.model.AdminJournalPage;
import dev.hookstub.api.admin.model.AdminRequestCount;
import dev.hookstub.api.admin.model.AdminRequestCountQuery;
import dev.hookstub.api.admin.model.AdminSpecViolation;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.journal.JournalEntry;
import dev.hookstub.server.journal.JournalQuery;
import dev.hookstub.server.journal.RequestJournal;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/** The request journal ({@link RequestsApi}): {@code /{api}/requests} lists and clears it, {@code .../count} verifies. */
public final class RequestJournalResource implements RequestsApi {

    private final RequestJournal journal;

    RequestJournalResource(RequestJournal journal) {
        this.journal = journal;
    }

    @Override
    public Response listRequests(String api, String method, String pathTemplate, Long status, String since,
                                 String until, Long limit) {
        List<JournalEntry> found = find(api, () -> JournalQuery.all().method(method).pathTemplate(pathTemplate)
                .status(status == null ? null : status.intValue()).since(since).until(until));
        List<JournalEntry> page = limit == null ? found : found.subList(0, (int) Math.min(limit, found.size()));
        return Response.ok(new AdminJournalPage()
                .requests(page.stream().map(RequestJournalResource::view).toList())
                .total((long) found.size())).build();
    }

    @Override
    public Response clearRequests(String api) {
        known(api);
        journal.clear(api);
        return Response.noContent().build();
    }

    @Override
    public Response countRequests(String api, AdminRequestCountQuery fields) {
        if (fields == null) {
            throw ApiProblem.invalid(400, null, "The body must be a JSON object of the fields to match.");
        }
        // bodyEquals is a JSON tree: absent (null) is not the same as a JSON null.
        List<JournalEntry> found = find(api, () -> JournalQuery.all().method(fields.getMethod())
                .pathTemplate(fields.getPathTemplate())
                .status(fields.getStatus() == null ? null : fields.getStatus().intValue())
                .body(fields.getBodyPointer(), fields.getBodyEquals() != null, fields.getBodyEquals()));
        return Response.ok(new AdminRequestCount().count((long) found.size())).build();
    }

    private List<JournalEntry> find(String api, Supplier<JournalQuery> query) {
        known(api);
        try {
            return journal.find(api, query.get());
        } catch (JournalQuery.Invalid invalid) {
            throw ApiProblem.invalid(400, invalid.field(), invalid.getMessage());
        }
    }

    private void known(String api) {
        if (!journal.knows(api)) {
            throw ApiProblem.notFound("No API named " + api + "." + (api.equals("document")
                    ? " document is the document hookstub proxy --spec FILE forwards at /; this stub forwards none."
                    : ""));
        }
    }

    /** Formatted here, at listing time, so that recording stays cheap. */
    private static AdminJournalEntry view(JournalEntry entry) {
        return new AdminJournalEntry()
                .id(entry.id())
                .api(AdminJournalEntry.ApiEnum.fromValue(entry.api()))
                .receivedAt(entry.receivedAt().toString())
                .method(entry.method())
                .path(entry.path())
                .query(entry.query())
                .pathTemplate(entry.pathTemplate())
                .headers(new LinkedHashMap<>(entry.headerMap()))
                .body(entry.bodyListed())
                .bodyTruncated(entry.bodyTruncated())
                .status((long) entry.status())
                .durationMs(entry.durationMs())
                .refusal(entry.refusal())
                .violations(entry.violations() == null ? null : entry.violations().stream()
                        .map(violation -> new AdminSpecViolation()
                                .in(AdminSpecViolation.InEnum.fromValue(violation.in()))
                                .check(violation.check())
                                .pointer(violation.pointer())
                                .reason(violation.reason()))
                        .toList());
    }
}
