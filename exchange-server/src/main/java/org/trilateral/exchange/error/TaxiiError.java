package org.trilateral.exchange.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import org.trilateral.exchange.taxii.TaxiiSection;

/**
 * The TAXII 2.1 error message resource (§3.6.1). {@code http_status} is a string in the specification;
 * {@code external_details} links the specification and {@code details.section} names the section the refusal cites.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaxiiError(
        String title,
        String description,
        @JsonProperty("error_id") String errorId,
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("http_status") String httpStatus,
        @JsonProperty("external_details") String externalDetails,
        Map<String, String> details) {

    TaxiiError {
        Objects.requireNonNull(title, "title");
    }

    static TaxiiError of(int status, String title, String description, String errorCode, TaxiiSection section) {
        return new TaxiiError(title, description, null, errorCode, Integer.toString(status), TaxiiSection.SPECIFICATION,
                Map.of("section", section.citation()));
    }
}
