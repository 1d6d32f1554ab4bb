package org.trilateral.integrity.jcs;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader and writer of the integrity code: it keeps what a signature or a byte-for-byte round trip
 * depends on. Numbers are read exactly (no binary floating point), duplicate member names are refused (RFC 8785
 * §3.1 requires I-JSON input, RFC 7493 §2.3), trailing content is refused and property order is kept. The STIX model
 * reads with the same mapper ({@code StixJson.mapper()}), so an object is parsed once, the same way, for validation
 * and for its signature.
 */
public final class StrictJson {

    /**
     * The deepest nesting of arrays and objects {@link #mapper()} reads (Jackson's own default, set here on purpose):
     * every tree it gives out can be walked recursively, by {@link JsonCanonicalizer} among others, without
     * exhausting a thread's stack. A reader facing untrusted input sets a lower limit with {@link #mapper(StreamReadConstraints)}.
     */
    public static final int MAX_NESTING_DEPTH = 500;

    private static final JsonMapper MAPPER = mapper(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());

    private StrictJson() {
    }

    /** Thread-safe and immutable: share it. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * A mapper that reads as strictly as {@link #mapper()} within other limits on the input (nesting depth, lengths
     * of strings, numbers, names and the whole document). Building one is costly: build it once and share it.
     */
    public static JsonMapper mapper(StreamReadConstraints constraints) {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
