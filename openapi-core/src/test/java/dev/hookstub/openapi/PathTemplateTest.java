package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A template's parameter is one non-empty segment's worth of characters, everything else literal. Templates whose
 * parameters each end their segment are matched by comparing text, the rest by a regular expression: both must
 * give what the plain regular expression of the template gives.
 */
class PathTemplateTest {

    private static final List<String> TEMPLATES = List.of("/v2/webhooks/{id}", "/webhooks", "/{a}/{b}", "/{a}",
            "/repos/{owner}/{repo}/hooks/{hook_id}/pings", "/v{version}/x", "/files/{name}.json", "/{a}{b}",
            "/a/{id}/", "", "/", "/{id}-{part}/z", "/odd{/x");

    @Test
    void parametersAreNamedAndRaw() {
        assertEquals(Optional.of(Map.of("owner", "o", "repo", "r%20s", "hook_id", "7")),
                PathTemplate.compile("/repos/{owner}/{repo}/hooks/{hook_id}/pings").values("/repos/o/r%20s/hooks/7/pings"));
        assertEquals(Optional.of(Map.of("name", "a.b")), PathTemplate.compile("/files/{name}.json").values("/files/a.b.json"));
        assertTrue(PathTemplate.compile("/webhooks").matches("/webhooks"));
        assertFalse(PathTemplate.compile("/webhooks/{id}").matches("/webhooks/"));
        assertFalse(PathTemplate.compile("/webhooks/{id}").matches("/webhooks/a/"));
        assertFalse(PathTemplate.compile("/webhooks/{id}").matches("/webhooks/a/b"));
    }

    @Test
    void everyTemplateMatchesAsItsRegularExpressionDoes() {
        Random random = new Random(20261206);
        String alphabet = "/avx12.json-{}%\n";
        for (String template : TEMPLATES) {
            PathTemplate compiled = PathTemplate.compile(template);
            Reference reference = new Reference(template);
            for (int i = 0; i < 20_000; i++) {
                String path = i % 2 == 0 ? mutated(template, random, alphabet) : random(random, alphabet);
                assertEquals(reference.values(path), compiled.values(path), () -> template + " on " + path);
                assertEquals(reference.values(path).isPresent(), compiled.matches(path), () -> template + " on " + path);
            }
        }
    }

    /** The template with each parameter filled at random, then perhaps a character changed, added or dropped. */
    private static String mutated(String template, Random random, String alphabet) {
        String filled = template.replaceAll("\\{[^}/]*}", random.nextBoolean() ? "x" : "ab.c");
        if (filled.isEmpty() || random.nextBoolean()) {
            return filled;
        }
        StringBuilder path = new StringBuilder(filled);
        int at = random.nextInt(path.length());
        switch (random.nextInt(3)) {
            case 0 -> path.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            case 1 -> path.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> path.deleteCharAt(at);
        }
        return path.toString();
    }

    private static String random(Random random, String alphabet) {
        StringBuilder path = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            path.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return path.toString();
    }

    /** The template as one regular expression: quoted literals, {@code ([^/]+)} per parameter. */
    private static final class Reference {
        private final Pattern pattern;
        private final List<String> names = new java.util.ArrayList<>();

        Reference(String template) {
            StringBuilder regex = new StringBuilder();
            Matcher parameter = Pattern.compile("\\{([^}]*)}").matcher(template);
            int at = 0;
            while (parameter.find()) {
                regex.append(Pattern.quote(template.substring(at, parameter.start()))).append("([^/]+)");
                names.add(parameter.group(1));
                at = parameter.end();
            }
            pattern = Pattern.compile(regex.append(Pattern.quote(template.substring(at))).toString());
        }

        Optional<Map<String, String>> values(String path) {
            Matcher matcher = pattern.matcher(path);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), matcher.group(i + 1));
            }
            return Optional.of(values);
        }
    }
}
