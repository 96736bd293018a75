package dev.hookstub.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.auth.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @TempDir
    Path dir;

    @Test
    void aSectionReplacesThatApisDefaultsAndMissingSectionsKeepTheirs() throws IOException {
        Path file = write("creds.yaml", """
                partoo:
                  - key: my_partoo_key
                    role: PROVIDER
                    orgId: 0
                adminToken: my_admin
                """);
        Credentials credentials = CredentialsFile.read(file);
        assertEquals(1, credentials.partoo().size());
        assertEquals("my_partoo_key", credentials.partoo().get(0).key());
        assertEquals("my_admin", credentials.adminToken());
        assertEquals(Credentials.defaults().mollie(), credentials.mollie());
    }

    @Test
    void jsonWorksToo() throws IOException {
        Path file = write("creds.json", """
                {"mijnklantportaal": [{"key": "k1", "tenant": "t1"}, {"key": "k2", "tenant": "t2"}]}
                """);
        assertEquals(2, CredentialsFile.read(file).mijnklantportaal().size());
    }

    @Test
    void anUnknownFieldIsNamedWithoutEchoingAnyCredential() throws IOException {
        Path file = write("creds.yaml", """
                mollie:
                  - token: access_secret_value
                    kind: OAUTH
                    scope: [webhooks.read]
                """);
        ConfigException error = assertThrows(ConfigException.class, () -> CredentialsFile.read(file));
        assertTrue(error.getMessage().contains("creds.yaml"), error.getMessage());
        assertTrue(error.getMessage().contains("scope"), error.getMessage());
        assertFalse(error.getMessage().contains("access_secret_value"), error.getMessage());
    }

    @Test
    void anUnknownRoleIsRefused() throws IOException {
        Path file = write("creds.yaml", "partoo:\n  - key: k\n    role: BOSS\n    orgId: 1\n");
        ConfigException error = assertThrows(ConfigException.class, () -> CredentialsFile.read(file));
        assertTrue(error.getMessage().contains("partoo[0].role"), error.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        ConfigException error = assertThrows(ConfigException.class, () -> CredentialsFile.read(dir.resolve("none.yaml")));
        assertTrue(error.getMessage().contains("none.yaml"), error.getMessage());
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() throws IOException {
        for (String name : new String[] {"empty.json", "blank.yaml"}) {
            Path file = write(name, name.startsWith("blank") ? " \n\n" : "");
            ConfigException error = assertThrows(ConfigException.class, () -> CredentialsFile.read(file));
            assertEquals(file + ": empty", error.getMessage());
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
