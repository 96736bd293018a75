package dev.hookstub.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Nulls as the specs mean them: a property the spec lists as required (the generator marks it
 * {@code @JsonProperty(required = true)}) is always written, as {@code null} when unset, because OpenAPI 3.1
 * makes it nullable only through its type array; every other property is omitted when unset.
 * A single global inclusion (NON_NULL or ALWAYS) gets one of the two wrong.
 */
final class RequiredAwareInclusion extends JacksonAnnotationIntrospector {

    private static final JsonInclude.Value ALWAYS = JsonInclude.Value.construct(
            JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
    private static final JsonInclude.Value NON_NULL = JsonInclude.Value.construct(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);

    @Override
    public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
        JsonInclude.Value explicit = super.findPropertyInclusion(annotated);
        if (explicit.getValueInclusion() != JsonInclude.Include.USE_DEFAULTS) {
            return explicit;
        }
        JsonProperty property = _findAnnotation(annotated, JsonProperty.class);
        return property != null && property.required() ? ALWAYS : NON_NULL;
    }
}
