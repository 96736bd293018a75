package dev.hookstub.server.proxy;

import dev.hookstub.openapi.AnswerValidator;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Violation;
import java.util.List;
import java.util.Map;

/**
 * One request the proxy took and what became of it, for a report: as received (credentials not masked yet; a report
 * masks what it writes), with what it breaks, and the upstream's answer with its verdict.
 *
 * @param spec              the spec the exchange was judged against (its operations are the ones named here)
 * @param operation         the spec's operation, or null when it documents none for the request
 * @param url               where the request went, or would have gone
 * @param requestHeaders    name, value, name, value...
 * @param requestBody       as text, null when there was none
 * @param responseBody      as text (decoded when the upstream compressed it), null when there was none
 * @param forwarded         false when the proxy refused the request itself ({@code --errors})
 * @param status            the upstream's status, 0 when there is no answer
 * @param responseHeaders   the upstream's headers, looked up in any case
 * @param verdict           the answer's, or null when there is none or the request had no operation
 * @param failure           why the upstream gave no answer, or null
 */
public record ProxiedExchange(String api, OpenApiSpec spec, Operation operation, String method, String url, List<String> requestHeaders,
                              String requestBody, List<Violation> requestViolations, boolean forwarded, int status,
                              Map<String, List<String>> responseHeaders, String responseBody,
                              AnswerValidator.Verdict verdict, String failure, long elapsedMillis) {
}
