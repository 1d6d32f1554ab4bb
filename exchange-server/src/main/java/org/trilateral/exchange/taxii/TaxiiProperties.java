package org.trilateral.exchange.taxii;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.trilateral.taxonomy.pattern.PatternLimits;
import org.trilateral.taxonomy.stix.StixObjectLimits;

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
     *                             {@code max_content_length} (default 10MB); larger: 413. It is also the JSON reader's
     *                             document length limit
     * @param maxObjectsPerEnvelope most objects in one POSTed envelope (default 5000); more: 413
     * @param defaultPageSize      objects per page when the client gives no {@code limit} (default 100)
     * @param maxPageSize          the most objects per page; a larger {@code limit} is lowered to it (default 10000)
     * @param maxNestingDepth      deepest nesting of arrays and objects in a request body, the envelope being level 1
     *                             (default 64, at most 500); deeper: 400 naming the limit and where
     * @param maxStringLength      most characters of one JSON string in a request body (default 1048576); longer: 400
     * @param maxNumberLength      most characters of one JSON number in a request body (default 100); longer: 400
     * @param maxNameLength        most characters of one JSON property name in a request body (default 1024); longer: 400
     * @param objects              limits on each STIX object of an envelope: an object over one is refused on its own
     */
    public record Limits(
            @DefaultValue("10MB") @NotNull DataSize maxContentLength,
            @DefaultValue("5000") @Min(1) int maxObjectsPerEnvelope,
            @DefaultValue("100") @Min(1) int defaultPageSize,
            @DefaultValue("10000") @Min(1) int maxPageSize,
            @DefaultValue("64") @Min(3) @Max(500) int maxNestingDepth,
            @DefaultValue("1048576") @Min(1024) int maxStringLength,
            @DefaultValue("100") @Min(20) int maxNumberLength,
            @DefaultValue("1024") @Min(256) int maxNameLength,
            @DefaultValue @Valid @NotNull ObjectLimits objects) {
    }

    /**
     * Limits on one STIX object ({@code exchange.taxii.limits.objects.*}): an object over one is refused in the status
     * resource with the limit named, the others of the envelope are not affected (docs/validation.md).
     *
     * @param maxDepth              deepest nesting of lists and objects in one STIX object, the object being level 1
     *                              (default 32, at most 100)
     * @param maxProperties         most members of any JSON object in it (default 1000)
     * @param maxListLength         most items of any list in it (default 10000)
     * @param maxStringLength       most characters of any string or property name no limit below covers (default 65536,
     *                              at least 288)
     * @param maxNameLength         most characters of a {@code name} property (default 1024)
     * @param maxDescriptionLength  most characters of a {@code description} property (default 262144)
     * @param maxPatternLength      most characters of an indicator's {@code pattern} (default 65536)
     * @param maxPatternNesting     deepest nesting of parentheses and brackets in a STIX pattern (default 32, at most 100)
     * @param maxPatternComparisons most comparison expressions in a STIX pattern (default 5000)
     */
    public record ObjectLimits(
            @DefaultValue("32") @Min(2) @Max(StixObjectLimits.MAX_DEPTH_CEILING) int maxDepth,
            @DefaultValue("1000") @Min(1) int maxProperties,
            @DefaultValue("10000") @Min(1) int maxListLength,
            @DefaultValue("65536") @Min(StixObjectLimits.MIN_STRING_LENGTH) int maxStringLength,
            @DefaultValue("1024") @Min(1) int maxNameLength,
            @DefaultValue("262144") @Min(1) int maxDescriptionLength,
            @DefaultValue("65536") @Min(1) int maxPatternLength,
            @DefaultValue("32") @Min(1) @Max(PatternLimits.MAX_NESTING_CEILING) int maxPatternNesting,
            @DefaultValue("5000") @Min(1) int maxPatternComparisons) {

        /** These limits as the STIX validator takes them. */
        public StixObjectLimits toStixLimits() {
            return new StixObjectLimits(maxDepth, maxProperties, maxListLength, maxStringLength, maxNameLength,
                    maxDescriptionLength, new PatternLimits(maxPatternLength, maxPatternNesting, maxPatternComparisons));
        }
    }
}
