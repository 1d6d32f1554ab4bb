package org.trilateral.exchange.taxii;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The TAXII 2.1 error message resource (§3.6.1). {@code http_status} is a string in the specification.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaxiiError(
        String title,
        String description,
        @JsonProperty("error_id") String errorId,
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("http_status") String httpStatus,
        @JsonProperty("external_details") String externalDetails) {

    public TaxiiError {
        Objects.requireNonNull(title, "title");
    }

    public static TaxiiError of(int status, String title, String description, String errorCode, String specSection) {
        return new TaxiiError(title, description, null, errorCode, Integer.toString(status),
                specSection == null ? null : "https://docs.oasis-open.org/cti/taxii/v2.1/os/taxii-v2.1-os.html#" + specSection);
    }
}
