package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.conformance.checks.RequestCase.Credential;
import dev.hookstub.conformance.checks.RequestCase.Kind;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Parameter;
import dev.hookstub.conformance.spec.ResponseObserver;
import dev.hookstub.openapi.SecurityScheme;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every {@link Check} on every operation of one spec against one server and returns what it found; nothing is
 * asserted here, so the same run serves the suite ({@code SpecChecksTest}) and the tests that point it at broken
 * servers on purpose.
 *
 * <p>Per operation it sends: the spec's example request, generated valid requests, valid boundary values of each
 * parameter, requests that each break one rule,
 * the example request without and with a wrong credential, every undocumented method on the operation's path, and for
 * a create ({@code POST /x} beside {@code GET /x/{id}}) a read-back of each record created. A read-only target gets no
 * request with a method that could create or change anything (POST, PUT, PATCH, DELETE): checks that would need one
 * are reported as skipped, with the reason.
 */
public final class ConformanceRun {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Methods probed for {@code unsupported_method}; HEAD and OPTIONS are left out, servers answer them for any path. */
    private static final List<String> PROBED_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dconformance.trace=true} prints every exchange (credentials masked), e.g. to see what a seed sends. */
    private static final boolean TRACE = Boolean.getBoolean("conformance.trace");

    private final OpenApiSpec spec;
    private final RunTarget target;
    private final RunSettings settings;
    private final String name;
    private ResponseObserver observer = ResponseObserver.NONE;
    private Consumer<String> progress = line -> { };
    /** Successful reads with the first credential, to be read again with the second ({@code tenant_isolation}). */
    private final List<Exchange> readsToRepeat = new ArrayList<>();

    public ConformanceRun(OpenApiSpec spec, RunTarget target, RunSettings settings) {
        this.spec = spec;
        this.target = target;
        this.settings = settings;
        this.name = spec.name();
    }

    /** Tells {@code observer} of every response judged against a declared operation (not the method probes). */
    public ConformanceRun observedBy(ResponseObserver newObserver) {
        this.observer = newObserver;
        return this;
    }

    /** Gets a line as each operation's checks start, for a console on a long run. */
    public ConformanceRun reportingProgressTo(Consumer<String> newProgress) {
        this.progress = newProgress;
        return this;
    }

    /**
     * Sends every request and judges every answer; throws {@link ServerUnreachableException} when the server cannot
     * be reached at all.
     */
    public RunResult run() {
        long started = System.nanoTime();
        CheckLedger ledger = new CheckLedger(spec.operations(), settings.checks());
        ExchangeJudge judge = new ExchangeJudge(spec, ledger, target.examplesExist());
        String credential = target.credential();
        String invalidCredential = invalidVariantOf(credential, random("credential"));
        List<String> secrets = new ArrayList<>();
        secrets.add(invalidCredential);
        if (credential != null) {
            secrets.add(credential);
        }
        if (target.secondCredential() != null) {
            secrets.add(target.secondCredential());
        }
        HttpWire wire = new HttpWire(target.serverUrl(), SecurityScheme.of(spec), credential, invalidCredential,
                target.secondCredential(), new Masking(spec, secrets));
        int[] sent = {0};
        Sender sender = requestCase -> {
            Exchange exchange = wire.send(requestCase);
            sent[0]++;
            if (TRACE) {
                System.out.println("[conformance] " + name + " " + requestCase.operation().operationId() + " "
                        + requestCase.kind() + " (" + requestCase.description() + "): " + exchange.request().method() + " "
                        + exchange.request().url() + (requestCase.body() == null ? "" : " " + exchange.request().body())
                        + " -> " + exchange.response().summary());
            }
            if (requestCase.kind() != Kind.UNDOCUMENTED_METHOD) {
                observer.observed(name, requestCase.operation().operationId(), exchange.status(),
                        exchange.request().url());
            }
            if (isRepeatableRead(exchange)) {
                readsToRepeat.add(exchange);
            }
            return exchange;
        };
        for (Operation operation : spec.operations()) {
            progress.accept(name + " " + operation.httpMethod() + " " + operation.pathTemplate()
                    + (operation.operationId() == null ? "" : " (" + operation.operationId() + ")"));
            checkOperation(operation, sender, judge, ledger);
        }
        if (settings.makes(Check.UNSUPPORTED_METHOD)) {
            checkUndocumentedMethods(sender, judge, ledger);
        }
        checkTenantIsolation(sender, judge, ledger);
        return new RunResult(name, settings, target.serverUrl(), target.readOnly(), spec.operations().size(), sent[0],
                (System.nanoTime() - started) / 1_000_000, ledger.results());
    }

    private interface Sender {
        Exchange send(RequestCase requestCase);
    }

    private void checkOperation(Operation operation, Sender sender, ExchangeJudge judge, CheckLedger ledger) {
        Optional<Operation> readBack = readBackOperation(operation);
        if (readBack.isEmpty()) {
            ledger.skip(operation, Check.ENSURE_RESOURCE_AVAILABILITY,
                    "not a create operation (a POST beside a GET of one record under its path)");
        }
        if (target.readOnly() && !SAFE_METHODS.contains(operation.httpMethod())) {
            String reason = "read-only run: " + operation.httpMethod() + " may create or change records";
            for (Check check : Check.values()) {
                if (check != Check.UNSUPPORTED_METHOD) {
                    ledger.skip(operation, check, reason);
                }
            }
            return;
        }
        CaseGenerator generator =
                new CaseGenerator(spec, operation, target.webhookId(), random(operation.operationId()));
        Optional<RequestCase> example = generator.example();
        List<RequestCase> positive = new ArrayList<>();
        example.ifPresent(positive::add);
        Set<String> seen = new LinkedHashSet<>();
        example.ifPresent(e -> seen.add(e.identity()));
        positive.addAll(generator.generated(settings.generatedCases(), seen));
        if (settings.boundaryValues() && !positive.isEmpty()) {
            positive.forEach(requestCase -> seen.add(requestCase.identity()));
            positive.addAll(generator.boundary(positive.get(0), seen));
        }
        for (RequestCase requestCase : positive) {
            Exchange exchange = sender.send(requestCase);
            judge.judge(exchange);
            readBack.ifPresent(get -> readBack(operation, get, exchange, sender, judge));
        }
        if (positive.isEmpty()) {
            ledger.skip(operation, Check.POSITIVE_DATA_ACCEPTANCE, "no valid request could be made from the spec");
            return;
        }
        RequestCase base = example.orElse(positive.get(0));
        List<RequestCase> negative = generator.negative(base);
        if (negative.isEmpty()) {
            ledger.skip(operation, Check.NEGATIVE_DATA_REJECTION,
                    "the spec sets no rule a request could break (every parameter is an unconstrained string, no body)");
        }
        if (settings.makes(Check.NEGATIVE_DATA_REJECTION)) {
            negative.forEach(requestCase -> judge.judge(sender.send(requestCase)));
        }
        if (!settings.makes(Check.IGNORED_AUTH)) {
            return;
        }
        if (isSecured(operation)) {
            CaseGenerator.credentialCases(base).forEach(requestCase -> judge.judge(sender.send(requestCase)));
        } else {
            ledger.skip(operation, Check.IGNORED_AUTH, "the operation declares no security");
        }
    }

    /** Reads back what a successful create returned, with the GET of one record on the same path. */
    private void readBack(Operation create, Operation get, Exchange created, Sender sender, ExchangeJudge judge) {
        if (created.status() < 200 || created.status() >= 300) {
            return;
        }
        String idParameter = get.parameters().stream().filter(p -> p.in().equals("path"))
                .reduce((first, second) -> second).map(Parameter::name).orElseThrow();
        JsonNode body = parse(created.response().body());
        ExampleRecord record = new ExampleRecord(body);
        Optional<String> id = body.isObject() ? record.idFor(idParameter) : Optional.empty();
        if (id.isEmpty()) {
            judge.verdict(create, created, Check.ENSURE_RESOURCE_AVAILABILITY, false,
                    "the create answered " + created.status() + " without an id to read the record back by");
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        get.parameters().stream()
                .filter(p -> p.in().equals("query") && record.selectedBy(p.name()))
                .forEach(p -> query.put(p.name(), "true"));
        RequestCase readCase = new RequestCase(get, Kind.READ_BACK,
                "read back what " + create.operationId() + " created (" + created.requestCase().description() + ")",
                get.httpMethod(), Map.of(idParameter, id.get()), query, Credential.VALID, null);
        Exchange read = sender.send(readCase);
        judge.judge(read);
        JsonNode readBody = parse(read.response().body());
        boolean sameRecord = readBody.isObject() && new ExampleRecord(readBody).idFor(idParameter).equals(id);
        judge.verdict(create, read, Check.ENSURE_RESOURCE_AVAILABILITY,
                read.status() >= 200 && read.status() < 300 && sameRecord,
                read.status() >= 200 && read.status() < 300
                        ? "the record read back is not the one created (id " + id.get() + ")"
                        : "the created record " + id.get() + " cannot be read back: " + read.status());
    }

    /** {@code GET /webhooks/{id}} for {@code POST /webhooks}: the one-record read under the create's path. */
    private Optional<Operation> readBackOperation(Operation operation) {
        if (!operation.httpMethod().equals("POST")) {
            return Optional.empty();
        }
        String prefix = operation.pathTemplate() + "/{";
        return spec.operations().stream()
                .filter(op -> op.httpMethod().equals("GET"))
                .filter(op -> op.pathTemplate().startsWith(prefix) && op.pathTemplate().endsWith("}")
                        && op.pathTemplate().indexOf('/', prefix.length()) < 0)
                .findFirst();
    }

    private void checkUndocumentedMethods(Sender sender, ExchangeJudge judge, CheckLedger ledger) {
        Map<String, List<Operation>> byPath = new LinkedHashMap<>();
        spec.operations().forEach(op -> byPath.computeIfAbsent(op.pathTemplate(), p -> new ArrayList<>()).add(op));
        byPath.forEach((path, operations) -> {
            Set<String> documented = new LinkedHashSet<>();
            operations.forEach(op -> documented.add(op.httpMethod()));
            Operation representative = operations.get(0);
            List<String> undocumented = PROBED_METHODS.stream().filter(method -> !documented.contains(method)).toList();
            List<String> probes = undocumented.stream()
                    .filter(method -> !target.readOnly() || SAFE_METHODS.contains(method))
                    .toList();
            if (probes.isEmpty()) {
                String reason = undocumented.isEmpty() ? "every probed method is documented for " + path
                        : "read-only run: the undocumented " + String.join(", ", undocumented)
                                + " could change records on a server that implements them";
                operations.forEach(op -> ledger.skip(op, Check.UNSUPPORTED_METHOD, reason));
                return;
            }
            // A valid id that names nothing: a server that does implement the method then changes no real record.
            CaseGenerator generator = new CaseGenerator(spec, representative, Optional.empty(), random(path));
            Map<String, String> pathParams = new LinkedHashMap<>();
            for (Parameter parameter : representative.parameters()) {
                if (parameter.in().equals("path")) {
                    pathParams.put(parameter.name(), generator.generatedValue(parameter).orElse("conformance-probe"));
                }
            }
            for (String method : probes) {
                RequestCase probe = new RequestCase(representative, Kind.UNDOCUMENTED_METHOD,
                        method + " is not documented for " + path, method, pathParams, Map.of(), Credential.VALID, null);
                Exchange exchange = sender.send(probe);
                for (Operation operation : operations) {
                    RequestCase attributed = new RequestCase(operation, Kind.UNDOCUMENTED_METHOD, probe.description(),
                            method, pathParams, Map.of(), Credential.VALID, null);
                    judge.judge(new Exchange(attributed, exchange.request(), exchange.response(), exchange.elapsedMillis()));
                }
            }
        });
    }

    /** A 2xx answer to a valid read with the first credential: the record it names is that tenant's to see. */
    private boolean isRepeatableRead(Exchange exchange) {
        RequestCase requestCase = exchange.requestCase();
        return settings.makes(Check.TENANT_ISOLATION) && target.secondCredential() != null
                && requestCase.credential() == Credential.VALID && requestCase.kind().withinContract()
                && requestCase.method().equals("GET") && requestCase.method().equals(requestCase.operation().httpMethod())
                && !requestCase.pathParams().isEmpty()
                && exchange.status() >= 200 && exchange.status() < 300;
    }

    /**
     * Every record the first credential read is read again with another tenant's: the answer must be 403 or 404 in
     * the API's error format. Only reads of one record (a path parameter) count; a list may rightly differ per tenant.
     */
    private void checkTenantIsolation(Sender sender, ExchangeJudge judge, CheckLedger ledger) {
        for (Operation operation : spec.operations()) {
            String reason = target.secondCredential() == null
                    ? "no second credential of another tenant was given (--second-credential)"
                    : !operation.httpMethod().equals("GET") || operation.parameters().stream()
                            .noneMatch(p -> p.in().equals("path"))
                            ? "not a read of one record (a GET with a path parameter)"
                            : !isSecured(operation) ? "the operation declares no security"
                            : "no record was read with the first credential";
            ledger.skip(operation, Check.TENANT_ISOLATION, reason);
        }
        Set<String> repeated = new LinkedHashSet<>();
        for (Exchange read : List.copyOf(readsToRepeat)) {
            RequestCase original = read.requestCase();
            if (!isSecured(original.operation()) || !repeated.add(original.operation().operationId() + " "
                    + original.pathParams() + " " + original.queryParams())) {
                continue;
            }
            RequestCase other = original.as(Kind.OTHER_TENANT, "another tenant reads what the first read ("
                    + original.description() + ")", Credential.SECOND);
            judge.judge(sender.send(other));
        }
    }

    /** Secured unless the spec says nothing, or lists the empty requirement {@code {}} (auth optional). */
    private static boolean isSecured(Operation operation) {
        return !operation.security().isEmpty()
                && operation.security().stream().noneMatch(requirement -> requirement.schemes().isEmpty());
    }

    /**
     * A credential of the same shape the server cannot know: the first third kept, the rest replaced, so a server
     * that checks only a prefix ({@code access_}, {@code mkp_}) is caught.
     */
    static String invalidVariantOf(String credential, Random random) {
        String base = credential == null || credential.isEmpty() ? "conformance-invalid-credential" : credential;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        int keep = base.length() / 3;
        StringBuilder variant;
        do {
            variant = new StringBuilder(base.substring(0, keep));
            for (int i = keep; i < Math.max(base.length(), keep + 12); i++) {
                variant.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        } while (variant.toString().equals(base));
        return variant.toString();
    }

    /** One generator per operation or path, so adding an operation does not change the requests of the others. */
    private Random random(String scope) {
        return new Random(settings.seed() * 31 + (name + " " + scope).hashCode());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isEmpty() ? null : JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
