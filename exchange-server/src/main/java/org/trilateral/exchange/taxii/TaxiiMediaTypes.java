package org.trilateral.exchange.taxii;

import java.util.List;
import org.springframework.http.MediaType;

/** TAXII 2.1 §1.6.8 media types. */
public final class TaxiiMediaTypes {

    public static final String TAXII_VALUE = "application/taxii+json;version=2.1";
    public static final MediaType TAXII = MediaType.parseMediaType(TAXII_VALUE);
    public static final String STIX_VALUE = "application/stix+json;version=2.1";
    public static final MediaType STIX = MediaType.parseMediaType(STIX_VALUE);

    private static final MediaType TAXII_ANY_VERSION = MediaType.parseMediaType("application/taxii+json");

    private TaxiiMediaTypes() {
    }

    /**
     * True when the Accept header allows a TAXII 2.1 response: {@code application/taxii+json} with version 2.1
     * or no version (which §1.6.8 defines as the latest), or a wildcard that covers it.
     */
    public static boolean acceptsTaxii(List<MediaType> accepted) {
        if (accepted.isEmpty()) {
            return true;
        }
        for (MediaType type : accepted) {
            if (type.isWildcardType() || (type.getType().equals("application") && type.isWildcardSubtype())) {
                return true;
            }
            if (type.isCompatibleWith(TAXII_ANY_VERSION) && versionIs21(type)) {
                return true;
            }
        }
        return false;
    }

    /** True when a request body's Content-Type is TAXII 2.1 (version 2.1 or no version). */
    public static boolean isTaxiiContent(MediaType contentType) {
        return contentType != null && !contentType.isWildcardType() && !contentType.isWildcardSubtype()
                && contentType.isCompatibleWith(TAXII_ANY_VERSION) && versionIs21(contentType);
    }

    private static boolean versionIs21(MediaType type) {
        String version = type.getParameter("version");
        return version == null || version.equals("2.1");
    }
}
