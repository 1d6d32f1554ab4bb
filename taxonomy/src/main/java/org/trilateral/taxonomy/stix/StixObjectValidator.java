package org.trilateral.taxonomy.stix;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks one STIX 2.1 object before the exchange stores it. Thread-safe.
 */
public final class StixObjectValidator {

    /** Every violation found, empty when the object is valid STIX 2.1. */
    public List<StixViolation> validate(JsonNode object) {
        List<StixViolation> violations = new ArrayList<>();
        if (object == null || !object.isObject()) {
            violations.add(new StixViolation("", "a STIX object must be a JSON object"));
            return violations;
        }
        JsonNode type = object.get("type");
        if (type == null || !type.isString() || !StixId.isValidType(type.stringValue())) {
            violations.add(new StixViolation("type", "missing or not a valid STIX type name"));
        }
        JsonNode id = object.get("id");
        if (id == null || !id.isString()) {
            violations.add(new StixViolation("id", "missing"));
        } else {
            try {
                StixId parsed = StixId.parse(id.stringValue());
                if (type != null && type.isString() && !parsed.type().equals(type.stringValue())) {
                    violations.add(new StixViolation("id", "type part '" + parsed.type() + "' does not match type '" + type.stringValue() + "'"));
                }
            } catch (IllegalArgumentException e) {
                violations.add(new StixViolation("id", e.getMessage()));
            }
        }
        return violations;
    }
}
