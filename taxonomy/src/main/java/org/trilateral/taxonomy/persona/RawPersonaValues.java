package org.trilateral.taxonomy.persona;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.trilateral.taxonomy.pattern.ComparisonExpression;
import org.trilateral.taxonomy.pattern.ObjectPath;
import org.trilateral.taxonomy.pattern.PatternLimits;
import org.trilateral.taxonomy.pattern.PatternLiteral;
import org.trilateral.taxonomy.pattern.StixPattern;
import org.trilateral.taxonomy.pattern.StixPatternException;
import org.trilateral.taxonomy.stix.StixViolation;
import tools.jackson.databind.JsonNode;

/**
 * Finds raw persona values in a STIX object, where they can be told apart from other data: what a collection for
 * hashed personas refuses, so that privacy does not rest on the publisher's SDK alone (docs/persona-identifiers.md §6).
 * Members share a persona's email address, phone number or account only as a {@code persona-identifier} digest.
 *
 * <p>Found: an {@code email-addr}, a {@code phone-number} (the custom observable some tools write) and a
 * {@code user-account} naming its user ({@code user_id}, {@code account_login}, {@code display_name},
 * {@code credential}), also embedded in observed-data; a STIX pattern comparing one of those properties with a value,
 * directly or through a reference ({@code email-message:from_ref.value}); an email address anywhere in any string,
 * also inside free text (a word of the form local@domain.tld); a string that is, as a whole, an international phone
 * number ({@code +82 10-1234-5678}, {@code tel:+81…}) that libphonenumber finds possible. Not found: names, dates of
 * birth, document numbers and national phone numbers written without their country code, which nothing sets apart
 * from other text. Immutable and thread-safe.
 */
public final class RawPersonaValues {

    private static final String ADVICE = "a collection for hashed personas refuses raw persona values: publish the"
            + " persona-identifier digest instead (docs/persona-identifiers.md)";

    /** Observable types whose properties are raw persona values, and those properties. */
    private static final Map<String, Set<String>> RAW_PROPERTIES = Map.of(
            "email-addr", Set.of("value", "display_name"),
            "user-account", Set.of("user_id", "account_login", "display_name", "credential"),
            "phone-number", Set.of("value"));

    /** References that lead from one observable to one of those types (STIX 2.1 §6.5, §6.6, §6.11, §6.17). */
    private static final Map<String, String> REFERENCED_TYPE = Map.of(
            "from_ref", "email-addr", "sender_ref", "email-addr", "to_refs", "email-addr", "cc_refs", "email-addr",
            "bcc_refs", "email-addr", "belongs_to_ref", "user-account", "creator_user_ref", "user-account");

    private final PatternLimits patternLimits;

    /** Reads STIX patterns within the default pattern limits. */
    public RawPersonaValues() {
        this(PatternLimits.DEFAULTS);
    }

    /** Reads STIX patterns within {@code patternLimits}, as the validator that ran before did. */
    public RawPersonaValues(PatternLimits patternLimits) {
        this.patternLimits = Objects.requireNonNull(patternLimits, "patternLimits");
    }

    /** Each raw persona value in {@code object}, one violation per property, empty when there is none. */
    public List<StixViolation> find(JsonNode object) {
        List<StixViolation> found = new ArrayList<>();
        if (object == null || !object.isObject()) {
            return found;
        }
        observable(object, "", found);
        JsonNode embedded = object.get("objects");
        if ("observed-data".equals(object.path("type").asString("")) && embedded != null && embedded.isObject()) {
            for (Map.Entry<String, JsonNode> member : embedded.properties()) {
                observable(member.getValue(), "objects." + member.getKey() + ".", found);
            }
        }
        if ("stix".equals(object.path("pattern_type").asString("")) && object.path("pattern").isString()) {
            pattern(object.get("pattern").stringValue(), found);
        }
        strings(object, found);
        return List.copyOf(found);
    }

    private static void observable(JsonNode object, String prefix, List<StixViolation> found) {
        String type = object.path("type").asString("");
        Set<String> raw = RAW_PROPERTIES.get(type);
        if (raw == null) {
            return;
        }
        for (String property : raw) {
            if (object.has(property)) {
                add(found, prefix + property, "is a raw " + describe(type, property) + " (" + type + " " + property + "); " + ADVICE);
            }
        }
    }

    /** Comparisons of a raw property with a value; a pattern that does not parse is the validator's to refuse. */
    private void pattern(String text, List<StixViolation> found) {
        StixPattern pattern;
        try {
            pattern = StixPattern.parse(text, patternLimits);
        } catch (StixPatternException e) {
            return;
        }
        for (ComparisonExpression expression : pattern.comparisons()) {
            if (!(expression instanceof ComparisonExpression.Comparison comparison)) {
                continue;
            }
            String type = comparison.path().objectType();
            String last = null;
            for (ObjectPath.PathStep step : comparison.path().steps()) {
                if (step instanceof ObjectPath.Property property) {
                    if (last != null && REFERENCED_TYPE.containsKey(last)) {
                        type = REFERENCED_TYPE.get(last);
                    }
                    last = property.name();
                }
            }
            Set<String> raw = RAW_PROPERTIES.get(type);
            if (raw != null && raw.contains(last)) {
                add(found, "pattern", "compares the raw " + describe(type, last) + " " + comparison.path() + " with a value; " + ADVICE);
                return;
            }
            for (PatternLiteral value : comparison.value() instanceof PatternLiteral.SetLiteral set ? set.elements() : List.of(comparison.value())) {
                if (value instanceof PatternLiteral.StringLiteral literal && isInternationalPhoneNumber(literal.value())) {
                    add(found, "pattern", "compares " + comparison.path() + " with the raw phone number '" + literal.value() + "'; " + ADVICE);
                    return;
                }
            }
        }
    }

    /** Every string at any depth, with an explicit stack: email addresses inside it, or a phone number as a whole. */
    private static void strings(JsonNode object, List<StixViolation> found) {
        record Pending(JsonNode node, String path) {
        }
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(object, ""));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            JsonNode node = next.node();
            if (node.isString()) {
                String text = node.stringValue();
                if (text.indexOf('@') >= 0 && containsEmailAddress(text)) {
                    add(found, next.path(), "contains a raw email address; " + ADVICE);
                } else if (isInternationalPhoneNumber(text)) {
                    add(found, next.path(), "is a raw phone number; " + ADVICE);
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    pending.push(new Pending(member.getValue(), next.path().isEmpty() ? member.getKey() : next.path() + "." + member.getKey()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    pending.push(new Pending(node.get(i), next.path() + "[" + i + "]"));
                }
            }
        }
    }

    private static void add(List<StixViolation> found, String property, String message) {
        for (StixViolation earlier : found) {
            if (earlier.property().equals(property)) {
                return;
            }
        }
        found.add(new StixViolation(property, message));
    }

    private static String describe(String type, String property) {
        return switch (type) {
            case "email-addr" -> property.equals("value") ? "email address" : "email display name";
            case "phone-number" -> "phone number";
            default -> "account " + property.replace('_', ' ');
        };
    }

    /**
     * A word of the form {@code local@domain.tld} anywhere in the text: a local part of RFC 5322 atext and dots, a
     * domain of at least two labels whose last one is letters only (so {@code admin@338} is not one).
     */
    static boolean containsEmailAddress(String text) {
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                    || text.charAt(end) == '-')) {
                end++;
            }
            String domain = text.substring(at + 1, end);
            while (domain.endsWith(".") || domain.endsWith("-")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            if (start < at && isDomain(domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocalChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0);
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return false;
            }
        }
        String top = labels[labels.length - 1];
        return top.length() >= 2 && top.chars().allMatch(Character::isLetter);
    }

    /**
     * The whole text (after an optional {@code tel:}) is a number written with its country code: '+', then digits and
     * the usual separators only, 7 to 15 digits, which libphonenumber finds a possible number.
     */
    static boolean isInternationalPhoneNumber(String text) {
        String number = text.strip();
        if (number.startsWith("tel:")) {
            number = number.substring(4);
        }
        if (number.length() > 32 || !number.startsWith("+")) {
            return false;
        }
        int digits = 0;
        for (int i = 1; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (" -.()/".indexOf(c) < 0) {
                return false;
            }
        }
        if (digits < 7 || digits > 15) {
            return false;
        }
        try {
            PhoneIdentifiers.normalise(number, null);
            return true;
        } catch (InvalidPersonaIdentifierException e) {
            return false;
        }
    }
}
