package dev.hookstub.server.operation;

/**
 * One operation of an API's spec, defined once: from the authenticated caller and an accepted request to the
 * rendered success. Refusals are thrown as {@link dev.hookstub.server.error.ApiProblem} and rendered by
 * {@link Answer#refusal}, whether Jersey or the fast path runs it.
 *
 * @param <C> who the API's authentication finds the caller to be
 */
@FunctionalInterface
public interface Operation<C> {

    Answer answer(C caller, OperationRequest request);
}
