package dev.hookstub.server.spec;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Jackson's minimal quoting, plus the strings a YAML 1.1 reader would not read back as strings. Jackson quotes what
 * looks like a number, a boolean or null, but writes {@code 2030-01-01T00:00:00Z} bare, which YAML 1.1's
 * timestamp type (SnakeYAML's default resolver, js-yaml's default schema, so Prism, PyYAML) reads as a date, and
 * {@code 1:30} bare, which it reads as a number in base 60. Quoted, every reader reads the document's strings.
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;

    /** YAML 1.1's timestamp (https://yaml.org/type/timestamp.html), from its start: a date is enough. */
    private static final Pattern TIMESTAMP = Pattern.compile("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");
    /** YAML 1.1's base-60 integers and floats (https://yaml.org/type/int.html, float.html). */
    private static final Pattern SEXAGESIMAL = Pattern.compile("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$");

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || readAsOtherThanAString(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || readAsOtherThanAString(value);
    }

    private static boolean readAsOtherThanAString(String text) {
        return TIMESTAMP.matcher(text).find() || SEXAGESIMAL.matcher(text).matches();
    }
}
