package org.trilateral.taxonomy.stix;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The first look at an object, before any rule that walks it: its size against {@link StixObjectLimits}, and the two
 * rules STIX 2.1 sets on every value at every depth, custom ones included: no {@code null} (an optional property is
 * left out; schemas/common/properties.json admits no null) and no empty list (the list type of §2: "empty lists are
 * prohibited"). One pass
 * with an explicit stack, however the object is nested; each value's path is built only when it is reported.
 */
final class ObjectShape {

    /** A value waiting to be looked at, with what is needed to name its path. */
    private record Frame(JsonNode node, Frame parent, String name, int index, int depth) {

        String path() {
            if (parent == null) {
                return "";
            }
            String above = parent.path();
            return name != null ? Violations.child(above, name) : Violations.index(above, index);
        }
    }

    private ObjectShape() {
    }

    /**
     * Adds a violation for each null value, empty list and over-long string or property name; answers false, after
     * adding one violation naming the limit, when the object is deeper, wider or longer than the limits allow, which
     * stops every further check of it.
     */
    static boolean check(JsonNode object, StixObjectLimits limits, Violations violations) {
        Deque<Frame> pending = new ArrayDeque<>();
        pending.push(new Frame(object, null, null, -1, 1));
        while (!pending.isEmpty()) {
            Frame frame = pending.pop();
            JsonNode node = frame.node();
            if (node.isObject()) {
                if (node.size() > limits.maxProperties()) {
                    violations.add(frame.path(), "has " + node.size() + " properties, more than the limit of "
                            + limits.maxProperties() + " (property count limit)");
                    return false;
                }
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    Frame child = new Frame(member.getValue(), frame, member.getKey(), -1, frame.depth() + 1);
                    if (member.getKey().length() > limits.maxStringLength()) {
                        violations.add(frame.path(), "has a property name of " + member.getKey().length()
                                + " characters, more than the limit of " + limits.maxStringLength() + " (string length limit)");
                    }
                    if (!value(child, member.getKey(), limits, violations, pending)) {
                        return false;
                    }
                }
            } else if (node.isArray()) {
                if (node.size() > limits.maxListLength()) {
                    violations.add(frame.path(), "has " + node.size() + " items, more than the limit of "
                            + limits.maxListLength() + " (list length limit)");
                    return false;
                }
                if (node.isEmpty()) {
                    violations.add(frame.path(), "must not be an empty list: STIX 2.1 prohibits empty lists; leave the property out instead");
                }
                for (int i = 0; i < node.size(); i++) {
                    if (!value(new Frame(node.get(i), frame, null, i, frame.depth() + 1), null, limits, violations, pending)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Looks at one member or item: null, string length, and the depth of what it holds. */
    private static boolean value(Frame child, String name, StixObjectLimits limits, Violations violations, Deque<Frame> pending) {
        JsonNode node = child.node();
        if (node.isNull()) {
            violations.add(child.path(), "must not be null: STIX 2.1 has no null values; leave an optional property out instead");
        } else if (node.isString()) {
            int max = name == null ? limits.maxStringLength() : limits.maxLengthOf(name);
            int length = node.stringValue().length();
            if (length > max) {
                violations.add(child.path(), "is " + length + " characters long, more than the limit of " + max + " ("
                        + StixObjectLimits.lengthLimitName(name == null ? "" : name) + ")");
            }
        } else if (node.isContainer()) {
            if (child.depth() > limits.maxDepth()) {
                violations.add(child.path(), "nests lists and objects more than " + limits.maxDepth()
                        + " levels deep, the limit (object depth limit)");
                return false;
            }
            pending.push(child);
        }
        return true;
    }
}
