package org.trilateral.taxonomy;

import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange's own STIX {@code identity}: the {@code created_by_ref} of every extension definition, vocabulary
 * and seed object the exchange publishes. Fixed, so that every deployment and every member agrees on it.
 */
public final class ExchangeIdentity {

    /** The identity's id. */
    public static final String ID = "identity--1cf46956-5e94-48b0-a33d-bf9e95ff0bcc";
    /** The identity's name. */
    public static final String NAME = "Trilateral Indicator Exchange";
    /** Created and modified time of the identity and of the objects published with it. */
    public static final String CREATED = "2026-01-01T00:00:00.000Z";

    private ExchangeIdentity() {
    }

    /** A fresh copy of the identity object. */
    public static ObjectNode object() {
        ObjectNode identity = StixJson.mapper().createObjectNode()
                .put("type", "identity")
                .put("spec_version", "2.1")
                .put("id", ID)
                .put("created", CREATED)
                .put("modified", CREATED)
                .put("name", NAME)
                .put("description", "The STIX/TAXII exchange of signed indicators about DPRK IT-worker schemes shared by US, Japanese and South Korean members.")
                .put("identity_class", "organization");
        identity.putArray("object_marking_refs").add(Tlp.CLEAR.id());
        return identity;
    }
}
