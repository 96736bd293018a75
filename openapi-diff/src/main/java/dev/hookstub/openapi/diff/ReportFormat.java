package dev.hookstub.openapi.diff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The report's three forms: for a terminal, for a pull request, for a program. */
public enum ReportFormat {
    TEXT(TextReport::render),
    MARKDOWN(MarkdownReport::render),
    JSON(JsonReport::render);

    private final Function<DiffReport, String> renderer;

    ReportFormat(Function<DiffReport, String> renderer) {
        this.renderer = renderer;
    }

    public String render(DiffReport report) {
        return renderer.apply(report);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.id().equals(name)).findFirst();
    }
}
