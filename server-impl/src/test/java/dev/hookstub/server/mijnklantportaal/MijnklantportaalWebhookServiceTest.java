package dev.hookstub.server.mijnklantportaal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.json.ObjectMappers;
import dev.hookstub.server.record.RecordSchema;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.spec.SpecFile;
import dev.hookstub.server.spec.SpecSource;
import dev.hookstub.server.store.InMemoryWebhookStore;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a create stores: the stub keeps every record, so what each one holds is its memory (docs/adr/005). */
class MijnklantportaalWebhookServiceTest {

    private static final String DOCUMENTED = "customer-created";

    private static final ApiContext CONTEXT = new ApiContext(Credentials.defaults(), Fixtures.none(),
            SpecSource.builtIn(), null, ObjectMappers.create(), new IdGenerator(), Clock.systemUTC());
    private static final RecordShape RECORDS = MijnklantportaalApi.records(
            RecordSchema.ofRead(SpecFile.load("mijnklantportaal.yaml").spec(), "/webhooks/{webhookId}"), CONTEXT);

    private final InMemoryWebhookStore<SpecRecord> store = new InMemoryWebhookStore<>();
    private final MijnklantportaalWebhookService service = new MijnklantportaalWebhookService(
            store, RECORDS, Set.of(DOCUMENTED, "invoice-paid"), CONTEXT.ids(), CONTEXT.clock());

    @Test
    void aStoredRecordSharesTheDocumentedTypeInsteadOfKeepingTheRequestsCopy() {
        // A parser makes a new string for every body; a copy stands for it here.
        String fromTheRequest = new String(DOCUMENTED.toCharArray());

        SpecRecord created = service.create(
                new MijnklantportaalTenant("tenant-1"), "https://example.com/hooks", fromTheRequest);

        SpecRecord stored = store.find(created.id()).orElseThrow();
        assertEquals(DOCUMENTED, stored.text("type"));
        assertSame(DOCUMENTED, stored.text("type"));
    }

    @Test
    void anUndocumentedTypeIsStillA422NamingTheTypeAsSent() {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> service.create(
                new MijnklantportaalTenant("tenant-1"), "https://example.com/hooks", "customer-deleted"));

        assertEquals(422, refused.status());
        assertEquals("type", refused.field());
        assertEquals("The type field must be one of the documented event types; 'customer-deleted' is not one of them.",
                refused.detail());
        assertEquals(0, store.size());
    }
}
