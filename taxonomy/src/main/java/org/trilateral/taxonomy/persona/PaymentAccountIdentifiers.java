package org.trilateral.taxonomy.persona;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts on payment platforms (docs/persona-identifiers.md, "payment accounts"), kind {@code payment-account},
 * written {@code <platform>:<account>}: {@code paypal:alice@example.com}, {@code payoneer:12345678},
 * {@code wise:87654321}. The platforms are a closed list so that two members never spell one differently.
 */
public final class PaymentAccountIdentifiers {

    /** The payment platforms and how each writes its account ids. */
    public enum Platform {
        /** PayPal accounts by their email address, normalised as an {@code email} identifier. */
        PAYPAL("paypal"),
        /** Payoneer accounts by their numeric customer id. */
        PAYONEER("payoneer"),
        /** Wise accounts by their numeric membership number; the leading {@code P} printed before it is dropped. */
        WISE("wise");

        private final String value;

        Platform(String value) {
            this.value = value;
        }

        /** The platform's name in the normalised form. */
        public String value() {
            return value;
        }

        /** The platform with this name, any case, if any. */
        public static Optional<Platform> fromValue(String value) {
            String name = value == null ? "" : NormalisationSteps.lower(NormalisationSteps.trim(NormalisationSteps.nfkc(value)));
            return Arrays.stream(values()).filter(p -> p.value.equals(name)).findFirst();
        }
    }

    /** Numeric account ids: the exchange's bounds, wide enough for every id these platforms show. */
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{4,16}");

    private PaymentAccountIdentifiers() {
    }

    /**
     * @param platform a platform name ({@code paypal}, {@code payoneer}, {@code wise}), any case
     * @param account the account as the platform shows it
     */
    public static TaggedIdentifier normalise(String platform, String account) {
        Platform known = Platform.fromValue(platform).orElseThrow(() -> new InvalidPersonaIdentifierException("payment platform '"
                + platform + "' is not one of " + Arrays.stream(Platform.values()).map(Platform::value).toList()));
        return normalise(known, account);
    }

    /** @param account the account as the platform shows it */
    public static TaggedIdentifier normalise(Platform platform, String account) {
        String id = switch (platform) {
            case PAYPAL -> EmailIdentifiers.normalise(account).normalised();
            case PAYONEER -> numeric(account, platform, false);
            case WISE -> numeric(account, platform, true);
        };
        return new TaggedIdentifier(PersonaKind.PAYMENT_ACCOUNT, null, platform.value() + ":" + id);
    }

    private static String numeric(String account, Platform platform, boolean dropLeadingP) {
        String id = NormalisationSteps.withoutSeparators(NormalisationSteps.nfkc(NormalisationSteps.required(account, platform.value() + " account"))
                .toUpperCase(Locale.ROOT));
        if (dropLeadingP && id.startsWith("P")) {
            id = id.substring(1);
        }
        if (!NUMERIC_ID.matcher(id).matches()) {
            throw new InvalidPersonaIdentifierException(platform.value() + " account '" + account + "' must be 4 to 16 digits");
        }
        return id;
    }
}
