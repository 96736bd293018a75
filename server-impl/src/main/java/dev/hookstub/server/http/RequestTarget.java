package dev.hookstub.server.http;

import dev.hookstub.server.operation.RequestUrl;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a request target and Host must look like before any router, container or resource parses them. Jersey and
 * Grizzly answer a malformed percent-encoding, a character RFC 3986 does not allow, or a dot segment with a 500
 * (or an HTML page); the stub answers a 400 in the API's own format instead.
 */
final class RequestTarget {

    /** RFC 3986 pchar plus "/", as raw characters (percent-encodings are checked separately). */
    private static final boolean[] PATH = allowed("-._~!$&'()*+,;=:@/%");
    /** Query characters: pchar, "/" and "?". */
    private static final boolean[] QUERY = allowed("-._~!$&'()*+,;=:@/?%");
    /** A query as browsers send it, for a request forwarded as it came: {@code deep[a]=3} (OpenAPI's deepObject). */
    private static final boolean[] QUERY_AS_SENT =
            allowed("-._~!$&'()*+,;=:@/?%" + FrontDoor.RAW_IN_BROWSERS_QUERIES);

    private RequestTarget() {
    }

    /** Why the target cannot be served, or null when it is well-formed. */
    static String problem(String rawPath, String rawQuery) {
        return problem(rawPath, rawQuery, false);
    }

    /** @param forwarded the request is forwarded as it came: its query may be as browsers send it */
    static String problem(String rawPath, String rawQuery, boolean forwarded) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "The request target must be an absolute path.";
        }
        String pathProblem = check(rawPath, PATH, true);
        if (pathProblem != null) {
            return pathProblem;
        }
        return rawQuery == null ? null : check(rawQuery, forwarded ? QUERY_AS_SENT : QUERY, false);
    }

    /** A Host header the URL of a response can be built from (or none): the rule Jersey and the fast path build URLs by. */
    static boolean validHost(String host) {
        return host == null || RequestUrl.usableHost(host);
    }

    private static String check(String raw, boolean[] allowed, boolean isPath) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 128 || !allowed[c]) {
                return "The request URL contains a character that must be percent-encoded.";
            }
        }
        // Without a percent-encoding the text is the raw target, whose characters were all checked above.
        String text = raw;
        if (raw.indexOf('%') >= 0) {
            String problem = null;
            try {
                text = decoded(raw);
            } catch (IllegalArgumentException e) {
                problem = "The request URL contains a malformed percent-encoding.";
            } catch (CharacterCodingException e) {
                problem = "The request URL does not decode to UTF-8 text.";
            }
            if (problem != null) {
                return problem;
            }
            for (int i = 0; i < text.length(); i++) {
                if (Character.isISOControl(text.charAt(i))) {
                    return "The request URL contains a control character.";
                }
            }
            String lower = raw.toLowerCase(java.util.Locale.ROOT);
            if (isPath && (lower.contains("%2f") || lower.contains("%5c"))) {
                return "The request path contains an encoded slash.";
            }
        }
        return isPath && hasDotSegment(text) ? "The request path contains a dot segment." : null;
    }

    private static String decoded(String raw) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(percentDecode(raw))).toString();
    }

    /** Whether a segment of the path is {@code .} or {@code ..}. */
    private static boolean hasDotSegment(String path) {
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if ((length == 1 || length == 2) && path.startsWith(length == 1 ? "." : "..", start)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static byte[] percentDecode(String raw) {
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException();
                }
                out[n++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean[] allowed(String extra) {
        boolean[] table = new boolean[128];
        for (char c = 'a'; c <= 'z'; c++) {
            table[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            table[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            table[c] = true;
        }
        for (char c : extra.toCharArray()) {
            table[c] = true;
        }
        return table;
    }
}
