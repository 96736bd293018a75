package dev.hookstub.conformance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.conformance.checks.ConformanceRun.ExchangeLog;
import dev.hookstub.conformance.checks.RecordedRequest;
import dev.hookstub.conformance.checks.RecordedResponse;
import dev.hookstub.conformance.checks.RequestCase;
import dev.hookstub.openapi.Problems;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --exchange-log FILE}: each request and answer of a run as one JSON object a line, in the order sent, with
 * credentials masked as in the reports: what a reader needs to replay or count what a run did. A request is logged
 * whole (method, URL, headers, body); an answer by its status, content type and the start of its body (the reports'
 * excerpt, 300 characters).
 */
final class ExchangeLogFile implements ExchangeLog, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private ExchangeLogFile(BufferedWriter out) {
        this.out = out;
    }

    /** A log into {@code file}, or one that writes nothing when {@code file} is null. */
    /**
     * Why {@code file} cannot be written; empty when it can. Tried before the run, as the report folder is: found
     * when the run began, it was reported after the run's first line.
     */
    static Optional<String> problem(Path file) {
        try {
            boolean existed = Files.exists(file);
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            if (!existed) {
                Files.delete(file);
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.of(Problems.describe(e));
        }
    }

    static ExchangeLogFile open(Path file) {
        if (file == null) {
            return new ExchangeLogFile(null);
        }
        try {
            return new ExchangeLogFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exchange log " + file + ": " + Problems.describe(e), e);
        }
    }

    @Override
    public void sent(RequestCase requestCase, RecordedRequest request, RecordedResponse response, long elapsedMillis) {
        if (out == null) {
            return;
        }
        ObjectNode line = JSON.createObjectNode()
                .put("operation", requestCase.operation().label())
                .put("kind", requestCase.kind().name().toLowerCase(Locale.ROOT))
                .put("valid", requestCase.kind().withinContract())
                .put("description", requestCase.description())
                .put("method", request.method())
                .put("url", request.url());
        ObjectNode headers = line.putObject("requestHeaders");
        request.headers().forEach(headers::put);
        line.put("requestBody", request.body());
        line.put("status", response.status());
        line.put("contentType", response.contentType());
        // The start of the body, masked as the reports show it: a run's answers can be large and hold secrets.
        line.put("responseBody", response.excerpt());
        line.put("elapsedMillis", elapsedMillis);
        if (!response.answered()) {
            line.put("failure", response.failure());
        }
        try {
            out.write(line.toString());
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exchange log: " + Problems.describe(e), e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the exchange log: " + Problems.describe(e), e);
            }
        }
    }
}
