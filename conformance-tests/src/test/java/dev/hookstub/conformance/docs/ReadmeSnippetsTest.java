package dev.hookstub.conformance.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Install and use in your project" (docs/junit.md, linked from the README) shows code users copy, the whole pom
 * included: every Java and XML block of it must be a verbatim copy of the example project's code, which CI builds and
 * tests against the installed artifacts.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile("```(java|xml)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCodeBlockOfTheInstallSectionIsCopiedFromTheExampleProject() throws IOException {
        String readme = Files.readString(ROOT.resolve("docs").resolve("junit.md"));
        int start = readme.indexOf("## Install and use in your project");
        assertTrue(start >= 0, "docs/junit.md has the section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        String example;
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples/hookstub-example"))) {
            example = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .map(ReadmeSnippetsTest::read).collect(Collectors.joining("\n"));
        }
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(section);
        while (matcher.find()) {
            blocks.add(matcher.group(2));
        }
        assertFalse(blocks.isEmpty(), "the section shows code");
        assertTrue(blocks.stream().anyMatch(block -> block.contains("<artifactId>maven-surefire-plugin</artifactId>")
                && block.contains("<maven.compiler.release>17</maven.compiler.release>")), "the whole pom is shown");
        for (String block : blocks) {
            assertTrue(example.contains(block), "not in examples/hookstub-example:\n" + block);
        }
        // A project made of exactly what the section shows compiles: each Java file of the example is shown whole
        // (a class the test used but the page did not show left a reader with a project that did not build).
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples/hookstub-example/src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertTrue(blocks.contains(read(file)), "docs/junit.md does not show " + file + " whole");
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
