package org.trilateral.exchange.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * TAXII 2.1 §4.3.1 status-details: which object version, and for failures why. {@code id} is the object's id,
 * or {@code objects[i]} when the object had no usable id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusDetail(String id, String version, String message) {

    public StatusDetail {
        Objects.requireNonNull(id, "id");
    }
}
