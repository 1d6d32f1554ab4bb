package org.trilateral.client;

import java.util.Optional;

/**
 * The TAXII 2.1 error message (§3.6.1) the exchange answered with, as far as the body held one.
 *
 * @param title the error's short title; never null (the HTTP reason when the body had none)
 * @param description the longer description, or null
 * @param errorId the server's id for this occurrence, or null; quote it when reporting a problem
 * @param errorCode the server's error code, or null
 * @param httpStatus the HTTP status code of the response
 */
public record TaxiiError(String title, String description, String errorId, String errorCode, int httpStatus) {

    public TaxiiError {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a TAXII error needs a title");
        }
    }

    /** The description when there is one. */
    public Optional<String> descriptionIfAny() {
        return Optional.ofNullable(description);
    }

    /** One line for people: title, description and error id when present. */
    public String summary() {
        StringBuilder text = new StringBuilder(title);
        if (description != null && !description.isBlank()) {
            text.append(": ").append(description);
        }
        if (errorId != null) {
            text.append(" (error id ").append(errorId).append(')');
        }
        return text.toString();
    }
}
