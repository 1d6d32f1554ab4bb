package org.trilateral.exchange.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * TAXII 2.1 §4.3.1 status-details: which object version, and for failures why. {@code id} is the object's id,
 * or {@code objects[i]} when the object had no usable id. {@code log_index} (an exchange addition) is the
 * transparency-log leaf of an accepted version (docs/transparency-log.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusDetail(String id, String version, String message, @JsonProperty("log_index") Long logIndex) {

    public StatusDetail {
        Objects.requireNonNull(id, "id");
    }

    /** A detail without a log index. */
    public StatusDetail(String id, String version, String message) {
        this(id, version, message, null);
    }
}
