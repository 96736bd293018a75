package dev.hookstub.openapi;

import java.util.List;
import java.util.Optional;

/**
 * An operation's request body, {@code $ref} resolved.
 *
 * @param required whether a request must carry it
 * @param media    each declared media type, JSON ones first (they are the ones a schema can check fully), then in
 *                 spec order
 */
public record RequestBody(boolean required, List<Media> media) {

    public RequestBody {
        media = List.copyOf(media);
    }

    /**
     * One media type of a body.
     *
     * @param contentType   as written in the spec, e.g. {@code application/json} or {@code multipart/form-data}
     * @param schemaPointer its schema, if it declares one
     * @param pointer       the media type object, for its {@code example}, {@code examples} and {@code encoding}
     */
    public record Media(String contentType, Optional<String> schemaPointer, String pointer) {
    }

    /** The first media type with a schema: what a client most likely sends. */
    public Optional<Media> preferred() {
        return media.stream().filter(m -> m.schemaPointer().isPresent()).findFirst()
                .or(() -> media.stream().findFirst());
    }
}
