package dev.hookstub.server.auth;

/** Reads the token of an {@code Authorization: Bearer <token>} header; the scheme is case-insensitive (RFC 7235). */
public final class BearerToken {

    private BearerToken() {
    }

    /** The token, or null when the header is absent or not a bearer credential. */
    public static String from(String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String value = authorizationHeader.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
