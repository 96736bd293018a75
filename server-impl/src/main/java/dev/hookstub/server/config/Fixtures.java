package dev.hookstub.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Records to start with, per API, from a folder of {@code <api>.json} files, each a JSON array of records in that
 * API's schema plus its tenancy fields (the admin API's create format). An API without a file starts with its
 * spec's example record.
 */
public final class Fixtures {

    private final Map<String, List<JsonNode>> records;
    private final Map<String, Path> sources;

    private Fixtures(Map<String, List<JsonNode>> records, Map<String, Path> sources) {
        this.records = records;
        this.sources = sources;
    }

    public static Fixtures none() {
        return new Fixtures(Map.of(), Map.of());
    }

    public static Fixtures read(Path folder, Set<String> apis) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(folder + ": not a folder of fixture files");
        }
        Map<String, List<JsonNode>> records = new HashMap<>();
        Map<String, Path> sources = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String api = name.substring(0, name.length() - ".json".length());
                if (!apis.contains(api)) {
                    throw new ConfigException(file + ": no API named " + api + "; name files after one of " + apis);
                }
                JsonNode array = parse(file);
                if (!array.isArray()) {
                    throw new ConfigException(file + ": must be a JSON array of records");
                }
                List<JsonNode> list = new ArrayList<>();
                array.forEach(list::add);
                records.put(api, List.copyOf(list));
                sources.put(api, file);
            }
        } catch (IOException e) {
            throw new ConfigException(folder + ": cannot read (" + e.getMessage() + ")");
        }
        return new Fixtures(records, sources);
    }

    /** The fixture records for an API, or empty when it has no file. */
    public Optional<List<JsonNode>> forApi(String api) {
        return Optional.ofNullable(records.get(api));
    }

    public Optional<Path> source(String api) {
        return Optional.ofNullable(sources.get(api));
    }

    private static JsonNode parse(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ConfigException(file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
