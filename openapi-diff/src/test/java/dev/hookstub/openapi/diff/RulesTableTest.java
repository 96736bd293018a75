package dev.hookstub.openapi.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's table of rules says what {@link DiffRule} says: each rule once, in order, its level and audiences. */
class RulesTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\w+) \\| ([a-z, -]+) \\|", Pattern.MULTILINE);

    @Test
    void theReadmeListsEveryRuleWithItsLevelAndAudiences() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher rows = ROW.matcher(readme);
        StringBuilder table = new StringBuilder();
        while (rows.find()) {
            table.append(rows.group(1)).append(' ').append(rows.group(2)).append(' ').append(rows.group(3).trim())
                    .append('\n');
        }
        List<String> expected = Arrays.stream(DiffRule.values())
                .map(rule -> rule.id() + " " + rule.severity().label() + " " + TextReport.audiences(rule)).toList();
        assertEquals(expected.stream().collect(Collectors.joining("\n", "", "\n")), table.toString());
        assertEquals(true, readme.contains("## Rules (" + DiffRule.values().length + "), and oasdiff's"),
                "the heading gives the rule count");
    }
}
