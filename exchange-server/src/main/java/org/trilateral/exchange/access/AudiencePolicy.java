package org.trilateral.exchange.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.stix.StixId;
import tools.jackson.databind.JsonNode;

/**
 * Computes an object's audience from its markings at ingest (docs/access-rules.md). Marking references are read
 * from {@code object_marking_refs} and from every {@code granular_markings[].marking_ref} (STIX 2.1 §7.2.2/§7.2.3):
 * a marking on part of an object narrows the whole object, since the exchange serves objects whole.
 */
public final class AudiencePolicy {

    /**
     * The exchange's distribution property extension (STIX 2.1 §7.3): {@code recipients} lists the identity ids of
     * the members that may read a TLP:RED object besides its publisher.
     */
    public static final String DISTRIBUTION_EXTENSION_ID = "extension-definition--cac30812-c0b0-470d-b1ee-e54bd6404ba4";

    private final Tlp defaultTlp;

    /** @param defaultTlp the level of an object with no TLP marking ({@code exchange.security.default-tlp}) */
    public AudiencePolicy(Tlp defaultTlp) {
        this.defaultTlp = defaultTlp;
    }

    public Tlp defaultTlp() {
        return defaultTlp;
    }

    /**
     * The audience of {@code object}.
     *
     * @throws IllegalArgumentException naming the marking or property that cannot be honoured
     */
    public Audience audienceOf(JsonNode object) {
        Set<String> refs = new LinkedHashSet<>();
        collect(object.get("object_marking_refs"), refs);
        JsonNode granular = object.get("granular_markings");
        if (granular != null && granular.isArray()) {
            for (JsonNode marking : granular) {
                JsonNode ref = marking.get("marking_ref");
                if (ref != null && ref.isString()) {
                    refs.add(ref.stringValue());
                }
            }
        }
        Tlp tlp = null;
        Set<String> groups = new LinkedHashSet<>();
        for (String ref : refs) {
            Optional<Tlp> level = Tlp.fromId(ref);
            Optional<SharingGroup> group = SharingGroup.fromId(ref);
            if (level.isPresent()) {
                tlp = tlp == null || level.get().ordinal() > tlp.ordinal() ? level.get() : tlp;
            } else if (group.isPresent()) {
                groups.add(group.get().groupName());
            } else {
                throw new IllegalArgumentException("marking " + ref + " is not one the exchange enforces: use a TLP 2.0"
                        + " marking or a sharing-group marking (docs/access-rules.md)");
            }
        }
        Tlp effective = tlp == null ? defaultTlp : tlp;
        List<String> recipients = recipients(object);
        if (recipients != null && effective != Tlp.RED) {
            throw new IllegalArgumentException("extensions." + DISTRIBUTION_EXTENSION_ID
                    + ".recipients is only allowed on TLP:RED objects; this one is " + effective.label());
        }
        if (effective == Tlp.RED && recipients == null) {
            recipients = List.of();
        }
        return new Audience(effective, recipients, groups);
    }

    /**
     * The identity ids {@code object} names as TLP:RED recipients, read leniently ({@link #audienceOf} judges them):
     * what ingest looks up in the registry before it decides.
     */
    public static Set<String> namedRecipients(JsonNode object) {
        Set<String> named = new LinkedHashSet<>();
        JsonNode list = object.path("extensions").path(DISTRIBUTION_EXTENSION_ID).path("recipients");
        if (list.isArray()) {
            for (JsonNode id : list) {
                if (id.isString()) {
                    named.add(id.stringValue());
                }
            }
        }
        return named;
    }

    private static void collect(JsonNode refs, Set<String> into) {
        if (refs != null && refs.isArray()) {
            for (JsonNode ref : refs) {
                if (ref.isString()) {
                    into.add(ref.stringValue());
                }
            }
        }
    }

    private static List<String> recipients(JsonNode object) {
        JsonNode extension = object.path("extensions").get(DISTRIBUTION_EXTENSION_ID);
        if (extension == null) {
            return null;
        }
        String base = "extensions." + DISTRIBUTION_EXTENSION_ID;
        if (!extension.isObject() || !"property-extension".equals(extension.path("extension_type").asString(""))) {
            throw new IllegalArgumentException(base + " must be an object with extension_type property-extension");
        }
        JsonNode list = extension.get("recipients");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(base + ".recipients must be a list of member identity ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isString() || !StixId.isValid(id.stringValue()) || !id.stringValue().startsWith("identity--")) {
                throw new IllegalArgumentException(base + ".recipients entry " + id + " is not an identity id");
            }
            ids.add(id.stringValue());
        }
        return ids;
    }
}
