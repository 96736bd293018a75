package dev.hookstub.server.core;

import dev.hookstub.server.auth.BearerToken;
import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.auth.Secrets;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.journal.RequestNotes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What every API's authentication does: read the one header its scheme uses, find the credential it presents,
 * or refuse with 401 in the API's words; let the API refuse a known caller (403); then carry the caller on the
 * request as a {@link Caller}. An API's filter is this fed with its scheme's data. (Subclasses carry their own
 * {@code @Priority}: the annotation is not inherited.)
 *
 * @param <K> the API's credential, as configured
 * @param <I> who the caller is, as the API's resources read it with {@link Caller#of}
 */
public abstract class ApiAuthFilter<K, I> implements ContainerRequestFilter {

    /** The credential is the token of an {@code Authorization: Bearer <token>} header. */
    public static final UnaryOperator<String> BEARER = BearerToken::from;
    /** The credential is the header's whole value, without surrounding white space. */
    public static final UnaryOperator<String> WHOLE_VALUE = String::strip;

    private final String header;
    private final UnaryOperator<String> presented;
    private final List<K> credentials;
    private final Function<K, String> secret;
    private final Function<K, I> identity;
    private final Function<I, String> principalName;
    private final String unauthenticated;

    /**
     * @param header          the header the credential comes in
     * @param presented       how the credential is read from the header's value ({@link #BEARER}, {@link #WHOLE_VALUE})
     * @param credentials     the configured credentials
     * @param secret          a credential's secret, compared in constant time with the presented one
     * @param identity        who a credential's caller is
     * @param principalName   the caller's name on the request's principal; never the credential itself
     * @param unauthenticated the detail of the 401 when no configured credential is presented
     */
    protected ApiAuthFilter(String header, UnaryOperator<String> presented, List<K> credentials,
                            Function<K, String> secret, Function<K, I> identity, Function<I, String> principalName,
                            String unauthenticated) {
        this.header = header;
        this.presented = presented;
        this.credentials = credentials;
        this.secret = secret;
        this.identity = identity;
        this.principalName = principalName;
        this.unauthenticated = unauthenticated;
    }

    @Override
    public final void filter(ContainerRequestContext request) {
        String value = request.getHeaderString(header);
        I caller = authenticate(value);
        if (caller == null) {
            RequestNotes.refusal(request, RequestNotes.reason("authentication", null, value == null
                    ? "no " + header + " header" : "the " + header + " header's credential is not one the stub knows"));
            throw ApiProblem.unauthenticated(unauthenticated);
        }
        try {
            authorize(caller);
        } catch (ApiProblem refused) {
            RequestNotes.refusal(request, RequestNotes.reason("authorization", refused.field(), refused.detail()));
            throw refused;
        }
        request.setSecurityContext(new Caller<>(principalName.apply(caller), caller,
                request.getSecurityContext().isSecure()));
    }

    /** The caller of a valid header value (null: no header), or null; {@link #authorize} is not consulted. */
    public final I authenticate(String headerValue) {
        String given = headerValue == null ? null : presented.apply(headerValue);
        K credential = given == null ? null : Secrets.lookup(credentials, secret, given);
        return credential == null ? null : identity.apply(credential);
    }

    /** Throws an {@code ApiProblem} when this endpoint refuses an authenticated caller; by default none is. */
    protected void authorize(I caller) {
    }
}
