package dev.hookstub.server.operation;

import dev.hookstub.server.auth.BearerToken;
import dev.hookstub.server.auth.Secrets;
import dev.hookstub.server.error.ApiProblem;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What every API's authentication does, whether Jersey or the fast path asks: read the one header its scheme uses, find the
 * credential it presents, or refuse with 401 in the API's words; let the API refuse a known caller (403). An API's
 * authentication is this fed with its scheme's data.
 *
 * @param <K> the API's credential, as configured
 * @param <I> who the caller is, as the API's operations read it
 */
public class Authentication<K, I> {

    /** The credential is the token of an {@code Authorization: Bearer <token>} header. */
    public static final UnaryOperator<String> BEARER = BearerToken::from;
    /** The credential is the header's whole value, without surrounding white space. */
    public static final UnaryOperator<String> WHOLE_VALUE = String::strip;

    private final String header;
    private final Class<I> callerType;
    private final UnaryOperator<String> presented;
    private final List<K> credentials;
    private final Function<K, String> secret;
    private final Function<K, I> identity;
    private final Function<I, String> principalName;
    private final String unauthenticated;

    /**
     * @param header          the header the credential comes in
     * @param callerType      who the caller is, as the operations read it
     * @param presented       how the credential is read from the header's value ({@link #BEARER}, {@link #WHOLE_VALUE})
     * @param credentials     the configured credentials
     * @param secret          a credential's secret, compared in constant time with the presented one
     * @param identity        who a credential's caller is
     * @param principalName   the caller's name on the request's principal; never the credential itself
     * @param unauthenticated the detail of the 401 when no configured credential is presented
     */
    public Authentication(String header, Class<I> callerType, UnaryOperator<String> presented, List<K> credentials,
                          Function<K, String> secret, Function<K, I> identity, Function<I, String> principalName,
                          String unauthenticated) {
        this.header = header;
        this.callerType = callerType;
        this.presented = presented;
        this.credentials = credentials;
        this.secret = secret;
        this.identity = identity;
        this.principalName = principalName;
        this.unauthenticated = unauthenticated;
    }

    /** The header the scheme reads. */
    public final String header() {
        return header;
    }

    public final Class<I> callerType() {
        return callerType;
    }

    /** The caller of a valid header value (null: no header), or null; {@link #authorize} is not consulted. */
    public final I authenticate(String headerValue) {
        String given = headerValue == null ? null : presented.apply(headerValue);
        K credential = given == null ? null : Secrets.lookup(credentials, secret, given);
        return credential == null ? null : identity.apply(credential);
    }

    /**
     * The 401 for a request whose header names no configured credential, with its challenge: {@code Bearer} for a
     * bearer token; an API key has no registered scheme, so its challenge names the header it goes in
     * ({@code ApiKey header="x-APIKey"}).
     */
    public final ApiProblem unauthenticated() {
        return ApiProblem.unauthenticated(unauthenticated,
                presented == BEARER ? "Bearer" : "ApiKey header=\"" + header + "\"");
    }

    /** The journal's wording of why {@link #authenticate} found no caller in this header value. */
    public final String unauthenticatedReason(String headerValue) {
        return headerValue == null ? "no " + header + " header"
                : "the " + header + " header's credential is not one the stub knows";
    }

    /** The caller's name on the request's principal. */
    public final String principalName(I caller) {
        return principalName.apply(caller);
    }

    /** Throws an {@code ApiProblem} when this endpoint refuses an authenticated caller; by default none is. */
    public void authorize(I caller) {
    }

    /** The caller of a header value this endpoint accepts (authenticated and authorised), or null. */
    public final I accepted(String headerValue) {
        I caller = authenticate(headerValue);
        if (caller == null) {
            return null;
        }
        try {
            authorize(caller);
            return caller;
        } catch (ApiProblem refused) {
            return null;
        }
    }
}
