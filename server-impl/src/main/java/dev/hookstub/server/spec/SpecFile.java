package dev.hookstub.server.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hookstub.openapi.OpenApiSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * One spec as the stub serves it at {@code /{api}/openapi.<ext>}: the document openapi-core read (named after its
 * file, so that every message names the file), and the file's bytes as written, read when first asked for. From the
 * specs module's jar ({@code classpath:/openapi/<file>}), from a folder of changed copies ({@link SpecSource}), or
 * made by the stub itself (the admin API's).
 */
public record SpecFile(OpenApiSpec spec, Supplier<byte[]> bytes) {

    /** The file's name, such as {@code mollie.json}: what the stub serves it as, and what its messages say. */
    public String file() {
        return spec.name();
    }

    /** A spec from the specs module's jar, or from server-impl's own resources (the admin API's). */
    public static SpecFile load(String file) {
        String resource = "openapi/" + file;
        // The build's JSON copy of a YAML spec, when there is one (JsonCopies): the same tree, read far faster.
        InputStream copy = SpecFile.class.getClassLoader().getResourceAsStream(JsonCopies.resource(file));
        try (InputStream in = copy != null ? copy : SpecFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Spec " + resource + " is not on the classpath");
            }
            return new SpecFile(OpenApiSpec.fromBytes(file, in.readAllBytes()), () -> bytesInTheJar(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spec " + resource, e);
        }
    }

    /** A spec from a file's bytes, served as they are. */
    static SpecFile read(String file, byte[] bytes) {
        return new SpecFile(OpenApiSpec.fromBytes(file, bytes), () -> bytes);
    }

    /** A document the stub made (a tree, not a file), served as YAML when asked for. */
    public static SpecFile made(String file, JsonNode document) {
        return new SpecFile(OpenApiSpec.fromDocument(file, document), () -> {
            try {
                return YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(new Yaml11Quoting()).build())
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build().writeValueAsBytes(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A document's bytes in the jar, unparsed. */
    public static byte[] bytesInTheJar(String file) {
        try (InputStream in = SpecFile.class.getClassLoader().getResourceAsStream("openapi/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
