package org.trilateral.taxonomy.persona;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Postal addresses (docs/persona-identifiers.md, "postal addresses"), kind {@code postal-address}, such as where company
 * laptops were shipped. Normalised form {@code <CC>|<postcode>|<street>}: the ISO 3166-1 alpha-2 country, the postcode
 * in its country's form (US ZIP five digits, JP seven digits, KR five digits, elsewhere letters and digits), and the
 * street lines folded to lower case with punctuation gone, unit designators dropped and USPS Publication 28 words
 * abbreviated. Region and city are not part of it: the postcode fixes them, and their spellings vary most.
 */
public final class PostalAddressIdentifiers {

    private static final Set<String> COUNTRIES;

    static {
        Set<String> countries = new TreeSet<>(Set.of(Locale.getISOCountries()));
        countries.add("XK");
        COUNTRIES = Set.copyOf(countries);
    }

    private static final Pattern US_ZIP = Pattern.compile("([0-9]{5})([0-9]{4})?");
    private static final Pattern JP_POSTCODE = Pattern.compile("[0-9]{7}");
    private static final Pattern KR_POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern OTHER_POSTCODE = Pattern.compile("[A-Z0-9]{2,10}");
    /** Japanese and Korean number words after a digit: 1丁目2番3号 and 1-2-3 agree, as do 123번지 and 123. */
    private static final Pattern NUMBER_WORDS = Pattern.compile("(?<=[0-9])(丁目|番地|番|号|번지)");

    /** Secondary unit designators (USPS Publication 28, C2), dropped so that "Apt 4", "#4" and "Unit 4" agree. */
    private static final Set<String> UNIT_DESIGNATORS = Set.of("apartment", "apt", "suite", "ste", "unit", "room", "rm");

    /** Street suffixes and directionals (USPS Publication 28, C1 and B), full word to abbreviation. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("avenue", "ave"), Map.entry("road", "rd"), Map.entry("boulevard", "blvd"),
            Map.entry("drive", "dr"), Map.entry("lane", "ln"), Map.entry("court", "ct"), Map.entry("place", "pl"),
            Map.entry("terrace", "ter"), Map.entry("highway", "hwy"), Map.entry("parkway", "pkwy"), Map.entry("circle", "cir"),
            Map.entry("square", "sq"), Map.entry("trail", "trl"), Map.entry("expressway", "expy"), Map.entry("freeway", "fwy"),
            Map.entry("building", "bldg"), Map.entry("floor", "fl"), Map.entry("north", "n"), Map.entry("south", "s"),
            Map.entry("east", "e"), Map.entry("west", "w"), Map.entry("northeast", "ne"), Map.entry("northwest", "nw"),
            Map.entry("southeast", "se"), Map.entry("southwest", "sw"));

    private PostalAddressIdentifiers() {
    }

    /**
     * @param countryCode ISO 3166-1 alpha-2, any case
     * @param postcode the postcode as written (required for US, JP and KR; may be empty elsewhere)
     * @param streetLines the lines left once country, postcode, region and city are removed, in envelope order
     */
    public static TaggedIdentifier normalise(String countryCode, String postcode, List<String> streetLines) {
        String country = NormalisationSteps.trim(NormalisationSteps.nfkc(NormalisationSteps.required(countryCode, "country code")))
                .toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new InvalidPersonaIdentifierException("country '" + countryCode + "' is not an ISO 3166-1 alpha-2 code");
        }
        String code = postcode(country, postcode);
        Objects.requireNonNull(streetLines, "streetLines");
        List<String> words = new ArrayList<>();
        for (String line : streetLines) {
            words.addAll(streetWords(NormalisationSteps.required(line, "street line")));
        }
        if (words.isEmpty()) {
            throw new InvalidPersonaIdentifierException("street is empty once punctuation and unit designators are removed");
        }
        return new TaggedIdentifier(PersonaKind.POSTAL_ADDRESS, null, country + "|" + code + "|" + String.join(" ", words));
    }

    /** {@link #normalise(String, String, List)} with the lines as arguments. */
    public static TaggedIdentifier normalise(String countryCode, String postcode, String... streetLines) {
        return normalise(countryCode, postcode, List.of(streetLines));
    }

    private static String postcode(String country, String postcode) {
        String text = postcode == null ? "" : NormalisationSteps.nfkc(postcode).toUpperCase(Locale.ROOT).replace("〒", "")
                .replaceAll("[\\s\\-]", "");
        switch (country) {
            case "US" -> {
                var zip = US_ZIP.matcher(text);
                if (!zip.matches()) {
                    throw new InvalidPersonaIdentifierException("US ZIP code '" + postcode + "' must be 5 digits or ZIP+4");
                }
                // ZIP+4 is written as the five-digit ZIP: members rarely all have the +4.
                return zip.group(1);
            }
            case "JP" -> {
                if (!JP_POSTCODE.matcher(text).matches()) {
                    throw new InvalidPersonaIdentifierException("Japanese postcode '" + postcode + "' must be 7 digits (123-4567)");
                }
                return text;
            }
            case "KR" -> {
                if (!KR_POSTCODE.matcher(text).matches()) {
                    throw new InvalidPersonaIdentifierException("Korean postcode '" + postcode + "' must be the 5-digit code in use since 2015");
                }
                return text;
            }
            default -> {
                if (!text.isEmpty() && !OTHER_POSTCODE.matcher(text).matches()) {
                    throw new InvalidPersonaIdentifierException("postcode '" + postcode + "' must be 2 to 10 letters and digits once spaces are removed");
                }
                return text;
            }
        }
    }

    private static List<String> streetWords(String line) {
        String folded = NormalisationSteps.caseFold(NUMBER_WORDS.matcher(NormalisationSteps.nfkc(line)).replaceAll(" "));
        StringBuilder spaced = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> spaced.appendCodePoint(isWordCharacter(cp) ? cp : ' '));
        List<String> words = new ArrayList<>();
        for (String word : spaced.toString().split(" +")) {
            if (!word.isEmpty() && !UNIT_DESIGNATORS.contains(word)) {
                words.add(ABBREVIATIONS.getOrDefault(word, word));
            }
        }
        return words;
    }

    /** Letters, marks and digits stay; everything else (punctuation, symbols such as '|' and '#', spaces) separates words. */
    private static boolean isWordCharacter(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }
}
