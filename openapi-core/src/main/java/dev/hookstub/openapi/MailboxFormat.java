package dev.hookstub.openapi;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * JSON Schema's {@code email} (RFC 5321's Mailbox) and {@code idn-email} (RFC 6531's, UTF-8 allowed), by their
 * grammar. The JSON Schema library's own checks the domain's last label against a list of top-level domains, so
 * {@code a@example.test} (RFC 2606's name for test data, what a sandbox's records hold) was refused while
 * {@code a@localhost} passed: a rule no grammar has.
 */
final class MailboxFormat implements Format {

    static final MailboxFormat EMAIL = new MailboxFormat("email", false);
    static final MailboxFormat IDN_EMAIL = new MailboxFormat("idn-email", true);

    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private final String name;
    /** RFC 6531: any character beyond ASCII is a letter, in the local part and in the domain's labels. */
    private final boolean international;

    private MailboxFormat(String name, boolean international) {
        this.name = name;
        this.international = international;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getMessageKey() {
        return "format." + name;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        return local.length() <= 64 && (local.startsWith("\"") ? quoted(local) : dotString(local))
                && (domain.startsWith("[") ? addressLiteral(domain) : domain.length() <= 255 && domain(domain));
    }

    private boolean dotString(String local) {
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty()) {
                return false;
            }
            for (int i = 0; i < atom.length(); i++) {
                char c = atom.charAt(i);
                if (!(letterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code "..."}: printable ASCII but '"' and '\', each of which may be escaped by '\'. */
    private boolean quoted(String local) {
        if (local.length() < 2 || !local.endsWith("\"")) {
            return false;
        }
        for (int i = 1; i < local.length() - 1; i++) {
            char c = local.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= local.length() - 1 || local.charAt(i) < 32 || local.charAt(i) > 126) {
                    return false;
                }
            } else if (c == '"' || (c < 32 || c > 126) && !(international && c > 127)) {
                return false;
            }
        }
        return true;
    }

    private boolean domain(String domain) {
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(letterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}, or a standardized tag's {@code [tag:content]}. */
    private static boolean addressLiteral(String domain) {
        if (!domain.endsWith("]") || domain.length() < 3) {
            return false;
        }
        String literal = domain.substring(1, domain.length() - 1);
        if (literal.regionMatches(true, 0, "IPv6:", 0, 5)) {
            String address = literal.substring(5);
            // A literal with a colon is parsed as IPv6, never looked up.
            return address.contains(":") && parsesAsAddress(address);
        }
        if (literal.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
            return true;
        }
        return literal.matches("[A-Za-z0-9-]*[A-Za-z0-9]:[\\x21-\\x5A\\x5E-\\x7E]+") && !literal.startsWith("IPv6");
    }

    private static boolean parsesAsAddress(String ipv6) {
        try {
            return InetAddress.getByName(ipv6) != null;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private boolean letterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || international && c > 127;
    }
}
