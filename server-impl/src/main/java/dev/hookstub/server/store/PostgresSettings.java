package dev.hookstub.server.store;

/**
 * Where the shared PostgreSQL database is and how to log in. The password is never part of what this prints, nor
 * is the URL's query, where a password can also be given.
 */
public record PostgresSettings(String url, String user, String password) {

    public static final String URL_PREFIX = "jdbc:postgresql:";

    /** The URL up to its query: what start-up errors, the banner and {@code /health} may name. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return safeUrl() + (user == null ? "" : " as " + user);
    }
}
