package dev.hookstub.conformance.report;


/**
 * One declared response and whether the run provoked it.
 *
 * @param state PROVOKED, UNREACHABLE (listed with a reason) or MISSING
 * @param note  the reason an unreachable response cannot be provoked, else ""
 */
public record CoverageRow(String spec, String operationId, String status, String state, String note) {
}
