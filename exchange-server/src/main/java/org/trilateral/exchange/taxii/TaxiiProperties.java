package org.trilateral.exchange.taxii;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The TAXII server's identity and limits ({@code exchange.taxii.*}).
 *
 * @param title       discovery title (default "Trilateral Indicator Exchange")
 * @param description discovery description
 * @param contact     discovery contact
 * @param apiRoot     the single API root this exchange serves
 * @param limits      request and page limits
 */
@Validated
@ConfigurationProperties("exchange.taxii")
public record TaxiiProperties(
        @DefaultValue("Trilateral Indicator Exchange") @NotBlank String title,
        @DefaultValue("STIX 2.1 indicators of DPRK IT-worker schemes shared by US, Japanese and Korean members") String description,
        @DefaultValue("") String contact,
        @DefaultValue @Valid @NotNull ApiRoot apiRoot,
        @DefaultValue @Valid @NotNull Limits limits) {

    /**
     * @param path        the API root's path segment (default {@code trilateral}: the root is {@code /trilateral/})
     * @param title       its title
     * @param description its description
     */
    public record ApiRoot(
            @DefaultValue("trilateral") @NotBlank @Pattern(regexp = "[A-Za-z0-9._~-]+") String path,
            @DefaultValue("Trilateral exchange") String title,
            @DefaultValue("Indicators, advisories and sightings shared by the members") String description) {

        /** The API root's URL path without the trailing slash, e.g. {@code /trilateral}. */
        public String base() {
            return "/" + path;
        }

        /** The URL path of one collection, with the {@code collectionId} variable the edge resolves. */
        public String collection() {
            return base() + "/collections/{collectionId}";
        }
    }

    /**
     * @param maxContentLength     largest request body accepted, also advertised as the API root's
     *                             {@code max_content_length} (default 10MB); larger: 413
     * @param maxObjectsPerEnvelope most objects in one POSTed envelope (default 5000); more: 413
     * @param defaultPageSize      objects per page when the client gives no {@code limit} (default 100)
     * @param maxPageSize          the most objects per page; a larger {@code limit} is lowered to it (default 10000)
     */
    public record Limits(
            @DefaultValue("10MB") @NotNull DataSize maxContentLength,
            @DefaultValue("5000") @Min(1) int maxObjectsPerEnvelope,
            @DefaultValue("100") @Min(1) int defaultPageSize,
            @DefaultValue("10000") @Min(1) int maxPageSize) {
    }
}
