package dev.hookstub.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.json.ObjectMappers;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing each API's webhook, its spec's example record, as the API serves it with the server's mapper (the work the
 * fast path caches per record): the record's properties in the spec's order, Mollie's links among them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializationBenchmark {

    @Param({"mijnklantportaal", "equalsmoney", "partoo", "mollie"})
    public String api;

    private final ObjectMapper mapper = ObjectMappers.create();
    private StubServer server;
    private RecordShape records;
    private SpecRecord record;
    private final Map<String, Object> computed = new HashMap<>();

    @Setup
    public void seed() {
        server = StubServer.start(ServerConfig.defaults().withPort(0));
        StubApi stubApi = server.apis().stream().filter(a -> a.id().equals(api)).findFirst().orElseThrow();
        records = stubApi.records();
        JsonNode example = stubApi.fixtures().get(0);
        record = records.record(records.filled(((ObjectNode) example).deepCopy(), Instant.now()));
        // What an API computes per answer, as its example gives it (Mollie's _links).
        records.computed().forEach(name -> computed.put(name, example.path(name)));
    }

    @TearDown
    public void stop() {
        server.close();
    }

    @Benchmark
    public byte[] served() throws Exception {
        return mapper.writeValueAsBytes(records.served(record, computed));
    }
}
