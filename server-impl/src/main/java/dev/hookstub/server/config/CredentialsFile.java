package dev.hookstub.server.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hookstub.server.auth.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a credentials file (JSON, or YAML by its extension) of the shape of {@link Credentials}. Each API section
 * that is present replaces that API's defaults; a missing section keeps them. Errors name the file and the field,
 * and never echo a credential.
 */
public final class CredentialsFile {

    private CredentialsFile() {
    }

    public static Credentials read(Path file) {
        Credentials given;
        try {
            ObjectMapper mapper = (file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")
                    ? new YAMLMapper() : new ObjectMapper())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            byte[] bytes = Files.readAllBytes(file);
            if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                throw new ConfigException(file + ": empty");
            }
            given = mapper.readValue(bytes, Credentials.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown field '" + e.getPropertyName() + "' at "
                    + e.getPathReference().replaceAll("dev\\.hookstub\\.server\\.auth\\.", ""));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ConfigException(file + ": not valid credentials JSON/YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (given == null) {
            throw new ConfigException(file + ": empty");
        }
        Credentials defaults = Credentials.defaults();
        Credentials merged = new Credentials(
                or(given.mijnklantportaal(), defaults.mijnklantportaal()),
                or(given.equalsmoney(), defaults.equalsmoney()),
                or(given.partoo(), defaults.partoo()),
                or(given.mollie(), defaults.mollie()),
                given.adminToken() != null ? given.adminToken() : defaults.adminToken());
        check(file, "mijnklantportaal", merged.mijnklantportaal(), Credentials.MijnklantportaalKey::key);
        check(file, "equalsmoney", merged.equalsmoney(), Credentials.EqualsMoneyKey::key);
        check(file, "partoo", merged.partoo(), Credentials.PartooKey::key);
        check(file, "mollie", merged.mollie(), Credentials.MollieToken::token);
        for (int i = 0; i < merged.partoo().size(); i++) {
            String role = merged.partoo().get(i).role();
            if (!"ORG_ADMIN".equals(role) && !"PROVIDER".equals(role)) {
                throw new ConfigException(file + ": partoo[" + i + "].role must be ORG_ADMIN or PROVIDER");
            }
        }
        for (int i = 0; i < merged.mollie().size(); i++) {
            if (merged.mollie().get(i).kind() == null) {
                throw new ConfigException(file + ": mollie[" + i + "].kind must be ORGANIZATION_TOKEN, OAUTH or API_KEY");
            }
        }
        if (merged.adminToken().isBlank()) {
            throw new ConfigException(file + ": adminToken must not be blank");
        }
        return merged;
    }

    private static <T> List<T> or(List<T> given, List<T> fallback) {
        return given != null ? given : fallback;
    }

    private static <T> void check(Path file, String api, List<T> entries, Function<T, String> key) {
        if (entries.isEmpty()) {
            throw new ConfigException(file + ": " + api + " needs at least one credential");
        }
        for (int i = 0; i < entries.size(); i++) {
            String value = key.apply(entries.get(i));
            if (value == null || value.isBlank()) {
                throw new ConfigException(file + ": " + api + "[" + i + "] has no key/token");
            }
        }
    }
}
