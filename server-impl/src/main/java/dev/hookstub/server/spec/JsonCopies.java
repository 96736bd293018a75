package dev.hookstub.server.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build (server-impl's pom, {@code process-classes}): writes a JSON copy of each YAML spec on the
 * classpath to {@code openapi/json/<file>.json} under the classes. {@link SpecFile#load} reads the copy when
 * there is one: the same tree (SpecJsonCopiesTest), read in a fraction of the time the YAML takes, and without
 * loading the YAML parser before the first answer. Generated, so never committed and never out of date.
 */
public final class JsonCopies {

    /** Where a spec's copy is, on the classpath. */
    static String resource(String file) {
        return "openapi/json/" + file + ".json";
    }

    private JsonCopies() {
    }

    /** @param args the classes directory, then the YAML files under {@code openapi/} to copy */
    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new YAMLMapper();
        Path classes = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            try (InputStream in = JsonCopies.class.getClassLoader().getResourceAsStream("openapi/" + file)) {
                if (in == null) {
                    throw new IOException("Spec openapi/" + file + " is not on the classpath");
                }
                Path copy = classes.resolve(resource(file));
                Files.createDirectories(copy.getParent());
                Files.write(copy, json.writeValueAsBytes(yaml.readTree(in)));
            }
        }
    }
}
