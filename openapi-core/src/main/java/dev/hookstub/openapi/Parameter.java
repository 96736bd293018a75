package dev.hookstub.openapi;

import java.util.Optional;

/**
 * A parameter as the operation sees it, {@code $ref}s already resolved.
 *
 * @param in            path, query, header or cookie
 * @param schemaPointer JSON pointer, inside the spec document, to the parameter's schema (the
 *                      target of a {@code $ref}, not the reference), usable with the same schema
 *                      machinery as response schemas; empty when the parameter declares none
 */
public record Parameter(String name, String in, boolean required, Optional<String> schemaPointer) {
}
