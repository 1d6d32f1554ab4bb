package org.trilateral.taxonomy.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The STIX bundle a new exchange loads before members publish anything: the exchange's identity, TLP:CLEAR, the
 * persons and companies named in public US Treasury (OFAC) designations against the DPRK IT-worker scheme, the
 * threat actor and intrusion set of the scheme, and the relationships between them. Everything in it is public
 * and marked TLP:CLEAR; each sanctioned party refers to the OFAC sanctions list.
 */
public final class SeedBundle {

    private static final String RESOURCE = "seed-bundle.json";
    private static final ObjectNode BUNDLE = read();

    private SeedBundle() {
    }

    /** A fresh copy of the seed bundle. */
    public static ObjectNode load() {
        return BUNDLE.deepCopy();
    }

    private static ObjectNode read() {
        try (InputStream in = SeedBundle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the taxonomy jar");
            }
            return (ObjectNode) StixJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }
}
