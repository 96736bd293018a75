package dev.hookstub.conformance.report;

import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A run's results folded for a reader of a long report: failures grouped by check and by what went wrong (the same
 * violation on a hundred operations is one entry with a hundred names), errors by their cause, skips by their
 * reason. What differs between members of a group (an operation's name, a number, a quoted value) is left out of the
 * key, so that "status 404 is not declared for getA" and "... for getB" are one group.
 */
final class ResultGroups {

    /** Above this many operations the reports show the operations × checks matrix only for those with a problem. */
    static final int FULL_MATRIX_OPERATIONS = 100;
    /** Failure sections written in full; the rest are named in their group. */
    static final int FAILURE_SECTIONS = 100;
    /** Violations listed per failing exchange; a schema can be broken in hundreds of places at once. */
    static final int VIOLATIONS_SHOWN = 10;
    static final int NAMES_SHOWN = 12;
    static final int DIFFERENCES_SHOWN = 300;

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final Pattern PATH = Pattern.compile("(?<=\\s|^)/\\S*");

    /** One kind of problem and every result that has it; {@code example} is the first. */
    record Group(Check check, String reason, List<CheckResult> members) {

        CheckResult example() {
            return members.get(0);
        }

        List<String> operationNames() {
            return members.stream().map(CheckResult::operationId).distinct().toList();
        }
    }

    private ResultGroups() {
    }

    /**
     * The checks the runs made, in the order of {@link Check}: the columns of the matrix and the list of checks a
     * report explains (a run of the engine makes its own, the proxy's report those of a client's requests).
     */
    static List<Check> checksMade(List<RunResult> runs) {
        java.util.Set<Check> made = java.util.EnumSet.noneOf(Check.class);
        runs.forEach(run -> run.results().forEach(result -> made.add(result.check())));
        return List.copyOf(made.isEmpty() ? Check.ofTheEngine() : made);
    }

    /** How a report of observed traffic says where its requests came from, in place of a run's seed. */
    static final String OBSERVED = "Observed traffic: the requests clients sent through hookstub proxy and the "
            + "upstream's answers, judged against the spec; nothing was generated";

    static List<Group> failures(RunResult run) {
        return group(run.failed(), true);
    }

    static List<Group> errors(RunResult run) {
        return group(run.errors(), false);
    }

    static List<Group> skips(RunResult run) {
        return group(run.results().stream().filter(r -> r.outcome() == Outcome.SKIPPED).toList(), false);
    }

    /**
     * Whether the report shows the operations × checks matrix: for a small spec it is the clearest view; for a large
     * one it is a wall of cells, and the causes (with their operations) and conformance.xml say the same.
     */
    static boolean showsMatrix(RunResult run) {
        return run.operations() <= FULL_MATRIX_OPERATIONS;
    }

    private static List<Group> group(List<CheckResult> results, boolean byCheck) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CheckResult result : results) {
            String reason = result.firstReason() == null ? "" : result.firstReason();
            String key = (byCheck ? result.check().checkName() + " " : "") + normalized(reason, result.operationId());
            groups.computeIfAbsent(key, k -> new Group(result.check(), reason, new ArrayList<>())).members().add(result);
        }
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort((a, b) -> Integer.compare(b.members().size(), a.members().size()));
        return sorted;
    }

    private static String normalized(String reason, String operationId) {
        String text = operationId == null ? reason : reason.replace(operationId, "<operation>");
        text = QUOTED.matcher(text).replaceAll("<value>");
        text = PATH.matcher(text).replaceAll("<path>");
        return NUMBER.matcher(text).replaceAll("<n>");
    }
}
