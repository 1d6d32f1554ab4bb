package org.trilateral.taxonomy.stix;

import java.util.Objects;

/**
 * One way in which an object breaks STIX 2.1: the property it concerns (a JSON-pointer-like path such as
 * {@code external_references[0].source_name}, or {@code ""} for the object as a whole) and a sentence
 * saying what is wrong.
 */
public record StixViolation(String property, String message) {

    public StixViolation {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return property.isEmpty() ? message : property + ": " + message;
    }
}
