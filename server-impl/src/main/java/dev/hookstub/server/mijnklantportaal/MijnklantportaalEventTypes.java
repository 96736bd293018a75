package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.openapi.OpenApiSpec;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event types a webhook may subscribe to. The spec lists them only in the description of the create body's
 * {@code type} ("Can be `appointment-created`, ... or `subscription-payment-updated`."), so they are read from
 * there: when the spec's list changes, the stub follows.
 */
final class MijnklantportaalEventTypes {

    private static final Pattern QUOTED = Pattern.compile("`([a-z0-9-]+)`");

    private MijnklantportaalEventTypes() {
    }

    /** In the spec's order. */
    static Set<String> from(OpenApiSpec spec) {
        String description = spec.node("/paths/~1webhooks/post/requestBody/content/application~1json/schema"
                + "/properties/type/description").asText("");
        Set<String> types = new LinkedHashSet<>();
        Matcher matcher = QUOTED.matcher(description);
        while (matcher.find()) {
            types.add(matcher.group(1));
        }
        if (types.isEmpty()) {
            throw new IllegalStateException(spec.name() + ": no event types found in the description of type");
        }
        return java.util.Collections.unmodifiableSet(types);
    }
}
