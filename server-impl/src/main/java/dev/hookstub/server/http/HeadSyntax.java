package dev.hookstub.server.http;

import org.glassfish.grizzly.Buffer;

/**
 * The line syntax of one request head, checked on the raw bytes as they arrive and before Grizzly's codec reads them
 * (it rewrites some in place, and waits for a colon or a line feed that may never come). Grizzly's codec reads a line
 * without a colon as the start of a name running on to the next colon, drops a CR wherever it stands, keeps a NUL and
 * takes any bytes before the colon as the name; each is refused here instead, with the rule it breaks:
 * <ul>
 *   <li>a CR must end a line (RFC 9112 §2.2: a bare CR is refused or replaced; it is refused here), a field value
 *       must hold no NUL (RFC 9110 §5.5);</li>
 *   <li>a header line is a token, a colon and a value (RFC 9112 §5; whitespace before the colon is a 400, §5.1), and
 *       the first may not begin with whitespace (§2.2).</li>
 * </ul>
 * A line feed alone ends a line, as RFC 9112 §2.2 allows and Grizzly reads it; a line that begins with whitespace
 * after a field continues that field's value (obs-fold, which Grizzly replaces with a space, as §5.2 allows).
 * The request line is the business of {@link MalformedRequestLineAddOn} and the codec, but for a bare CR.
 */
final class HeadSyntax {

    static final String BARE_CR = "The request's head holds a CR that does not end a line.";
    static final String NO_COLON = "A header line has no colon: each must be a name, a colon and a value.";
    static final String SPACE_BEFORE_COLON = "A header field name is followed by whitespace before its colon.";
    static final String NAME_CHARACTER = "A header field name holds a character that is not allowed in one.";
    static final String NUL = "A header field value holds a NUL.";
    static final String FOLDED_FIRST_LINE = "The request's first header line begins with whitespace.";

    private enum Part { REQUEST_LINE, LINE_START, NAME, VALUE, DONE }

    /** RFC 9110 §5.6.2's tchar: the characters of a token, such as a field name. */
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    /** The next byte to read, as an index into the codec's buffer (which keeps the head's bytes where they are). */
    private int next;
    private Part part = Part.REQUEST_LINE;
    private boolean firstField = true;

    HeadSyntax(int start) {
        this.next = start;
    }

    /**
     * Reads the bytes that arrived since the last call, up to the head's end.
     *
     * @return what is wrong, or null while nothing is
     */
    String read(Buffer input) {
        int limit = input.limit();
        for (int i = next; i < limit && part != Part.DONE; i++) {
            byte b = input.get(i);
            if (b == '\r') {
                if (i + 1 == limit) {
                    // Whether it ends its line is told by the next byte, not yet here.
                    next = i;
                    return null;
                }
                if (input.get(i + 1) != '\n') {
                    return part == Part.NAME ? NO_COLON : BARE_CR;
                }
                i++;
                b = '\n';
            }
            String problem = read(b);
            if (problem != null) {
                return problem;
            }
        }
        next = Math.max(next, limit);
        return null;
    }

    /** One byte, a line feed for a CRLF. */
    private String read(byte b) {
        switch (part) {
            case REQUEST_LINE -> {
                if (b == '\n') {
                    part = Part.LINE_START;
                }
            }
            case LINE_START -> {
                if (b == '\n') {
                    part = Part.DONE;
                } else if (b == ' ' || b == '\t') {
                    if (firstField) {
                        return FOLDED_FIRST_LINE;
                    }
                    part = Part.VALUE;
                } else if (b > 0 && TCHAR[b]) {
                    part = Part.NAME;
                } else {
                    return b == ':' ? NAME_CHARACTER : problemInName(b);
                }
            }
            case NAME -> {
                if (b == ':') {
                    part = Part.VALUE;
                    firstField = false;
                } else if (b <= 0 || !TCHAR[b]) {
                    return problemInName(b);
                }
            }
            case VALUE -> {
                if (b == '\n') {
                    part = Part.LINE_START;
                } else if (b == 0) {
                    return NUL;
                }
            }
            case DONE -> {
            }
        }
        return null;
    }

    private static String problemInName(byte b) {
        return switch (b) {
            case ' ', '\t' -> SPACE_BEFORE_COLON;
            case '\n' -> NO_COLON;
            default -> NAME_CHARACTER;
        };
    }
}
