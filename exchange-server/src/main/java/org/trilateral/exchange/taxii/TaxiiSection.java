package org.trilateral.exchange.taxii;

/**
 * The sections of TAXII 2.1 (OASIS Standard, 10 June 2021) that a TAXII error message cites: the endpoint whose
 * error table lists the status, or the rule of the protocol that the request broke.
 */
public enum TaxiiSection {
    MEDIA_TYPES("1.6.8", "Media Types"),
    PAGINATION("3.4", "Pagination"),
    FILTERING("3.5", "Filtering"),
    ERROR_MESSAGE("3.6.1", "Error Message"),
    ENVELOPE("3.7", "Envelope"),
    SERVER_DISCOVERY("4.1", "Server Discovery"),
    API_ROOT_INFORMATION("4.2", "Get API Root Information"),
    GET_STATUS("4.3", "Get Status"),
    GET_COLLECTIONS("5.1", "Get Collections"),
    GET_COLLECTION("5.2", "Get A Collection"),
    GET_OBJECT_MANIFESTS("5.3", "Get Object Manifests"),
    GET_OBJECTS("5.4", "Get Objects"),
    ADD_OBJECTS("5.5", "Add Objects"),
    GET_AN_OBJECT("5.6", "Get An Object"),
    DELETE_AN_OBJECT("5.7", "Delete An Object"),
    GET_OBJECT_VERSIONS("5.8", "Get Object Versions");

    /**
     * The exchange attribute under which a matched TAXII route leaves the section of its endpoint, so that a refusal
     * without a section of its own cites the endpoint's error table.
     */
    public static final String ENDPOINT_ATTRIBUTE = TaxiiSection.class.getName() + ".ENDPOINT";

    /** The specification the sections belong to. */
    public static final String SPECIFICATION = "https://docs.oasis-open.org/cti/taxii/v2.1/os/taxii-v2.1-os.html";

    private final String number;
    private final String title;

    TaxiiSection(String number, String title) {
        this.number = number;
        this.title = title;
    }

    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The citation as written in the exchange's error messages and docs, e.g. {@code TAXII 2.1 §5.4 Get Objects}. */
    public String citation() {
        return "TAXII 2.1 §" + number + " " + title;
    }
}
