package org.trilateral.taxonomy.stix;

import org.trilateral.integrity.jcs.StrictJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader and writer for STIX content in every module: the integrity code's strict I-JSON mapper
 * ({@link StrictJson}), so an object is parsed once, the same way, for validation and for its signature. It keeps
 * what a signature or a byte-for-byte round trip depends on: numbers are read exactly, duplicate member names are
 * refused (RFC 8785 §3.1 requires I-JSON input), and property order is kept.
 */
public final class StixJson {

    private StixJson() {
    }

    /** Thread-safe and immutable: share it. */
    public static JsonMapper mapper() {
        return StrictJson.mapper();
    }
}
