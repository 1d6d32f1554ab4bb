package org.trilateral.exchange.taxii;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.trilateral.taxonomy.stix.StixId;
import org.trilateral.taxonomy.stix.StixTimestamp;

/**
 * The filters and page of one TAXII read (§3.4 paging, §3.5 filtering), parsed from the query string once,
 * at the edge, so every endpoint and the store see the same typed values.
 *
 * @param addedAfter   only objects added after this time ({@code added_after})
 * @param limit        page size after the configured default and maximum are applied
 * @param cursor       where the page starts ({@code next})
 * @param ids          {@code match[id]} (empty: any)
 * @param types        {@code match[type]} (empty: any)
 * @param versions     {@code match[version]}
 * @param specVersions {@code match[spec_version]} (empty: any)
 * @param includeInvalid whether revoked objects (STIX 2.1 §3.6) and those whose {@code valid_until} has passed (§4.7)
 *                     are served too: {@code match[include_invalid]=true}; the collection's feed and manifest leave
 *                     them out by default, the object and versions endpoints always serve them (docs/taxii.md)
 */
public record ObjectQuery(
        Optional<Instant> addedAfter,
        int limit,
        PageCursor cursor,
        Set<String> ids,
        Set<String> types,
        VersionFilter versions,
        Set<String> specVersions,
        boolean includeInvalid) {

    /** The exchange's own filter parameter (docs/taxii.md, "Expired and revoked objects"). */
    public static final String INCLUDE_INVALID = "match[include_invalid]";

    public ObjectQuery {
        ids = Set.copyOf(ids);
        types = Set.copyOf(types);
        specVersions = Set.copyOf(specVersions);
    }

    /**
     * Parses the query parameters of a TAXII read.
     *
     * @param defaultVersions the {@code match[version]} that applies when the client gives none (§3.5.1: {@code last}
     *                        for objects and manifests, {@code all} for versions)
     */
    public static ObjectQuery parse(MultiValueMap<String, String> params, TaxiiProperties.Limits limits,
                                    VersionFilter defaultVersions) {
        Optional<Instant> addedAfter = Optional.ofNullable(single(params, "added_after")).map(value -> {
            try {
                return StixTimestamp.parse(value);
            } catch (IllegalArgumentException e) {
                throw TaxiiException.badRequest(TaxiiSection.FILTERING, "added_after: " + e.getMessage());
            }
        });
        int limit = limits.defaultPageSize();
        String limitText = single(params, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                throw TaxiiException.badRequest(TaxiiSection.PAGINATION, "limit '" + limitText + "' is not a whole number");
            }
            if (limit < 1) {
                throw TaxiiException.badRequest(TaxiiSection.PAGINATION, "limit must be at least 1, was " + limit);
            }
        }
        limit = Math.min(limit, limits.maxPageSize());
        String next = single(params, "next");
        PageCursor cursor = next == null ? PageCursor.START : PageCursor.decode(next);
        Set<String> ids = list(params, "match[id]");
        for (String id : ids) {
            if (!StixId.isValid(id)) {
                throw TaxiiException.badRequest(TaxiiSection.FILTERING, "match[id] value '" + id + "' is not a STIX identifier (type--UUID)");
            }
        }
        Set<String> types = list(params, "match[type]");
        for (String type : types) {
            if (!StixId.isValidType(type)) {
                throw TaxiiException.badRequest(TaxiiSection.FILTERING, "match[type] value '" + type + "' is not a STIX type name");
            }
        }
        VersionFilter versions = VersionFilter.parse(single(params, "match[version]"), defaultVersions);
        Set<String> specVersions = list(params, "match[spec_version]");
        for (String specVersion : specVersions) {
            if (!specVersion.matches("\\d+\\.\\d+")) {
                throw TaxiiException.badRequest(TaxiiSection.FILTERING, "match[spec_version] value '" + specVersion + "' is not a version such as 2.1");
            }
        }
        String includeInvalid = single(params, INCLUDE_INVALID);
        if (includeInvalid != null && !includeInvalid.equals("true") && !includeInvalid.equals("false")) {
            throw TaxiiException.badRequest(TaxiiSection.FILTERING, INCLUDE_INVALID + " must be true or false, was '"
                    + includeInvalid + "'");
        }
        return new ObjectQuery(addedAfter, limit, cursor, ids, types, versions, specVersions, "true".equals(includeInvalid));
    }

    /**
     * The same query restricted to one object, as the object and versions endpoints need; they serve revoked and
     * expired versions, so that a member who holds an object can learn that it was withdrawn.
     */
    public ObjectQuery forObject(String id) {
        return new ObjectQuery(addedAfter, limit, cursor, Set.of(id), types, versions, specVersions, true);
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw TaxiiException.badRequest("query parameter '" + name + "' is given more than once");
        }
        return values.get(0);
    }

    private static Set<String> list(MultiValueMap<String, String> params, String name) {
        Set<String> result = new LinkedHashSet<>();
        List<String> values = params.get(name);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",", -1)) {
                    String trimmed = part.trim();
                    if (trimmed.isEmpty()) {
                        throw TaxiiException.badRequest("query parameter '" + name + "' has an empty value");
                    }
                    result.add(trimmed);
                }
            }
        }
        return result;
    }
}
