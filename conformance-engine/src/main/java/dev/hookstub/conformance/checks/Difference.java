package dev.hookstub.conformance.checks;

/**
 * One way two servers answered the same request differently ({@code check --compare-with}).
 *
 * @param operation the operation's label
 * @param request   which request, e.g. "generated #3"
 * @param aspect    {@code status}, {@code content type}, {@code property}, {@code type} or {@code error format}
 * @param where     a JSON pointer into the body (array items as {@code *}), or "" for the answer as a whole
 * @param primary   what the server checked answered
 * @param other     what the server compared with answered
 */
public record Difference(String operation, String request, String aspect, String where, String primary,
                         String other) {

    /** One line: {@code status: 201 here, 200 there}. */
    public String describe() {
        return aspect + (where.isEmpty() ? "" : " " + where) + ": " + primary + " here, " + other + " there";
    }
}
