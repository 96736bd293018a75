package dev.hookstub.server.validation;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.spec.SpecFile;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

/**
 * Checking a MijnKlantportaal create body against the spec, as the request filter does on every POST (in this
 * package because the per-operation validator is package-private), and the fast path's remembered check of a GET.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CreateBodyValidationBenchmark {

    private static final ErrorFormat PLAIN = new ErrorFormat() {
        @Override
        public MediaType mediaType() {
            return MediaType.APPLICATION_JSON_TYPE;
        }

        @Override
        public Object body(ApiProblem problem) {
            return Map.of("message", problem.detail());
        }

        @Override
        public int validationStatus(ValidationTarget target) {
            return 422;
        }
    };

    private final SpecRequestValidator validator = new SpecRequestValidator(SpecFile.load("mijnklantportaal.yaml").spec(), PLAIN);
    private final OperationValidator create = validator.operation("POST", "/webhooks");
    private final byte[] valid = "{\"url\":\"https://example.com/hooks\",\"type\":\"customer-created\"}"
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] missingType = "{\"url\":\"https://example.com/hooks\"}".getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public void validBody() {
        create.validateBody(valid);
    }

    @Benchmark
    public Object invalidBody() {
        try {
            create.validateBody(missingType);
            return null;
        } catch (ApiProblem expected) {
            return expected;
        }
    }

    @Benchmark
    public boolean rememberedGetParameters() {
        return validator.accepts("GET", "/webhooks/{webhookId}", Map.of("webhookId", "wbh_abc12345def678"), Map.of());
    }
}
