package dev.hookstub.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.api.equalsmoney.model.EqualsmoneyFindOneWebhook200Response;
import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalWebhook;
import dev.hookstub.api.mollie.model.MollieGetWebhook200Response;
import dev.hookstub.api.mollie.model.MollieGetWebhook200ResponseLinks;
import dev.hookstub.api.mollie.model.MollieGetWebhook200ResponseLinksSelf;
import dev.hookstub.api.partoo.model.PartooEventType;
import dev.hookstub.api.partoo.model.PartooWebhookItem;
import dev.hookstub.server.json.ObjectMappers;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Writing each API's webhook object with the server's mapper (the work the fast path caches per record). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializationBenchmark {

    private final ObjectMapper mapper = ObjectMappers.create();

    private final MijnklantportaalWebhook mijnklantportaal = new MijnklantportaalWebhook().id("wbh_abc12345def678")
            .type("customer-created").url("https://mijnklantportaal.nl/webhook-incoming")
            .secret("OUJX2prdBbJxR77BZlGz").createdAt("2024-04-29T21:00:00+02:00");

    private final EqualsmoneyFindOneWebhook200Response equalsMoney = new EqualsmoneyFindOneWebhook200Response()
            .id(UUID.fromString("da91434a-4026-42ea-84b8-d0317b64af9c"))
            .productId(UUID.fromString("3ef24d53-6e22-4103-a16b-d268e4f7346d"))
            .webhookEventTypeId(UUID.fromString("da91434a-4026-42ea-84b8-d0317b64af9c"))
            .webhookEventTypeName("OrderCreated").accountId(null).url("https://api.url.com")
            .authorizationHeader(null).enabled(true).sharedSecret(null)
            .createdAt(OffsetDateTime.parse("2019-08-24T14:15:22Z")).updatedAt(OffsetDateTime.parse("2019-08-24T14:15:22Z"));

    private final PartooWebhookItem partoo = new PartooWebhookItem().id(BigInteger.ONE).url("https://example.com/webhook")
            .eventType(PartooEventType.BUSINESS_CREATED).createdAt("2024-11-27T16:10:44.929678Z")
            .updatedAt("2024-11-27T16:10:44.929678Z").orgId(BigInteger.ONE)
            .customHeaders(Map.of("X-My-Header", "my-value"));

    private final MollieGetWebhook200Response mollie = new MollieGetWebhook200Response().resource("webhook")
            .id("hook_B2EyhTH5N4KWUnoYPcgiH").url("https://mollie.com").profileId("pfl_8XcSdLtrNK")
            .createdAt("2024-12-06T10:09:56+00:00").name("Webhook #1").eventTypes(List.of("payment-link.paid"))
            .status("enabled").mode("test")
            .links(new MollieGetWebhook200ResponseLinks()
                    .self(new MollieGetWebhook200ResponseLinksSelf().href("http://127.0.0.1:8080/mollie/v2/webhooks/x")
                            .type("application/hal+json"))
                    .documentation(new MollieGetWebhook200ResponseLinksSelf()
                            .href("https://docs.mollie.com/reference/get-webhook").type("text/html")));

    @Benchmark
    public byte[] mijnklantportaal() throws Exception {
        return mapper.writeValueAsBytes(mijnklantportaal);
    }

    @Benchmark
    public byte[] equalsMoney() throws Exception {
        return mapper.writeValueAsBytes(equalsMoney);
    }

    @Benchmark
    public byte[] partoo() throws Exception {
        return mapper.writeValueAsBytes(partoo);
    }

    @Benchmark
    public byte[] mollie() throws Exception {
        return mapper.writeValueAsBytes(mollie);
    }
}
