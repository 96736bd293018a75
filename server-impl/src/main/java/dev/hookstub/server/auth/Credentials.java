package dev.hookstub.server.auth;

import java.util.List;
import java.util.Set;

/**
 * Who may call the stub, per API, and what each credential may see. The defaults match the README; a credentials
 * file (JSON or YAML of this shape) replaces them.
 */
public record Credentials(
        List<MijnklantportaalKey> mijnklantportaal,
        List<EqualsMoneyKey> equalsmoney,
        List<PartooKey> partoo,
        List<MollieToken> mollie,
        String adminToken) {

    /** A bearer API key; each key is its own tenant unless a tenant is named. */
    public record MijnklantportaalKey(String key, String tenant) {
    }

    /** An {@code Authorization} key with its scopes, acting for one account (null for keys that read any). */
    public record EqualsMoneyKey(String key, String accountId, Set<String> scopes) {
    }

    /** An {@code x-APIKey} linked to a user whose role decides which organisations it reaches. */
    public record PartooKey(String key, String role, long orgId) {
    }

    /** A bearer token: an organization access token, an OAuth token, or an API key; tokens carry scopes. */
    public record MollieToken(String token, Kind kind, Set<String> scopes, String profileId) {
        public enum Kind { ORGANIZATION_TOKEN, OAUTH, API_KEY }
    }

    /** The admin token in the README; a stub bound beyond loopback refuses it (see {@code NetworkExposure}). */
    public static final String DEFAULT_ADMIN_TOKEN = "admin_test_key";

    public static Credentials defaults() {
        return new Credentials(
                List.of(new MijnklantportaalKey("mkp_test_key", "tenant-1"),
                        new MijnklantportaalKey("mkp_other_key", "tenant-2")),
                List.of(new EqualsMoneyKey("equals_test_key", "F50091", Set.of("webhooks:read:own")),
                        new EqualsMoneyKey("equals_other_key", "F50092", Set.of("webhooks:read:own")),
                        new EqualsMoneyKey("equals_any_key", null, Set.of("webhooks:read:any")),
                        new EqualsMoneyKey("equals_noscope_key", "F50091", Set.of("payments:read:own"))),
                List.of(new PartooKey("partoo_test_key", "ORG_ADMIN", 1),
                        new PartooKey("partoo_other_key", "ORG_ADMIN", 2),
                        new PartooKey("partoo_provider_key", "PROVIDER", 0)),
                List.of(new MollieToken("access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM", MollieToken.Kind.ORGANIZATION_TOKEN,
                                Set.of("webhooks.read", "webhooks.write"), "pfl_8XcSdLtrNK"),
                        new MollieToken("access_oauth_test_token", MollieToken.Kind.OAUTH,
                                Set.of("webhooks.read"), "pfl_8XcSdLtrNK"),
                        new MollieToken("access_noscope_test_token", MollieToken.Kind.ORGANIZATION_TOKEN,
                                Set.of("payments.read"), "pfl_8XcSdLtrNK"),
                        new MollieToken("test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM", MollieToken.Kind.API_KEY,
                                Set.of(), "pfl_8XcSdLtrNK"),
                        new MollieToken("live_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM", MollieToken.Kind.API_KEY,
                                Set.of(), "pfl_8XcSdLtrNK")),
                DEFAULT_ADMIN_TOKEN);
    }
}
