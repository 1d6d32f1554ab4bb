package org.trilateral.taxonomy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.device.DeviceIdentifier;
import org.trilateral.taxonomy.device.DeviceIdentifierType;
import org.trilateral.taxonomy.extension.ExchangeExtensionValidator;
import org.trilateral.taxonomy.extension.ExchangeObservables;
import org.trilateral.taxonomy.marking.Tlp;
import org.trilateral.taxonomy.pattern.StixPattern;
import org.trilateral.taxonomy.persona.BankAccountIdentifiers;
import org.trilateral.taxonomy.persona.EmailIdentifiers;
import org.trilateral.taxonomy.persona.KeyEpoch;
import org.trilateral.taxonomy.persona.NameIdentifiers;
import org.trilateral.taxonomy.persona.PaymentAccountIdentifiers;
import org.trilateral.taxonomy.persona.PersonaTokenEvaluator;
import org.trilateral.taxonomy.persona.PhoneIdentifiers;
import org.trilateral.taxonomy.persona.PostalAddressIdentifiers;
import org.trilateral.taxonomy.persona.V1Sha256;
import org.trilateral.taxonomy.persona.V2OprfP256;
import org.trilateral.taxonomy.stix.StixObjectValidator;
import org.trilateral.taxonomy.vocabulary.IndicatorKind;
import org.trilateral.taxonomy.wallet.WalletAddress;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the builders produce is accepted by the same checks the server applies on ingest: the STIX validator
 * (including the pattern parser) and the exchange's extension validator.
 */
class BuiltObjectsValidateTest {

    private static final String MEMBER = "identity--0f6a3d1e-2b7c-4e59-9a1d-3c4b5e6f7a8b";
    private final StixObjectValidator stix = new StixObjectValidator();
    private final ExchangeExtensionValidator extensions = new ExchangeExtensionValidator();
    private final V1Sha256 scheme = new V1Sha256();
    private final PersonaTokenEvaluator v2 = PersonaTokenEvaluator.create(new KeyEpoch(1), V2OprfP256.deriveKeyPair(new byte[32], new KeyEpoch(1)));

    @Test
    void validateWhenBuiltIndicatorsThenPatternsParseAndNoViolations() {
        List<ObjectNode> indicators = List.of(
                IndicatorBuilder.wallet(WalletAddress.parse("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.wallet(WalletAddress.parse("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))
                        .createdByRef(MEMBER).marking(Tlp.GREEN).build(),
                IndicatorBuilder.wallet(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"))
                        .createdByRef(MEMBER).marking(Tlp.RED).build(),
                IndicatorBuilder.personaIdentifier(scheme.digest(EmailIdentifiers.normalise(" J.Doe+jobs@Example.COM ")))
                        .createdByRef(MEMBER).marking(Tlp.AMBER_STRICT).build(),
                IndicatorBuilder.personaIdentifier(scheme.digest(PhoneIdentifiers.normalise("010-1234-5678", "KR")))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.personaIdentifier(scheme.digest(
                                NameIdentifiers.passport("KIM UNG SUN", LocalDate.of(1990, 1, 2))))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.network(IpNetwork.parse("203.0.113.0/24"), IndicatorKind.LAPTOP_FARM_NETWORK)
                        .createdByRef(MEMBER).marking(Tlp.CLEAR).build(),
                IndicatorBuilder.network(IpNetwork.parse("2001:db8::/48"), IndicatorKind.VPN_EXIT)
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.personaIdentifier(v2.token(EmailIdentifiers.normalise("alice@example.com")))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.personaIdentifier(v2.token(BankAccountIdentifiers.iban("GB29 NWBK 6016 1331 9268 19")))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.personaIdentifier(scheme.digest(PaymentAccountIdentifiers.normalise("payoneer", "12345678")))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.personaIdentifier(v2.token(PostalAddressIdentifiers.normalise("US", "94103", "123 Main St")))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build(),
                IndicatorBuilder.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.ANYDESK, "123 456 789"))
                        .createdByRef(MEMBER).marking(Tlp.CLEAR).build(),
                IndicatorBuilder.deviceIdentifier(DeviceIdentifier.serial("apple", "C02XL0GTJGH5"))
                        .createdByRef(MEMBER).marking(Tlp.AMBER).build());

        for (ObjectNode indicator : indicators) {
            StixPattern.parse(indicator.get("pattern").asString());
            assertThat(stix.validate(indicator)).as("%s", indicator).isEmpty();
            assertThat(extensions.validate(indicator)).as("%s", indicator).isEmpty();
        }
    }

    @Test
    void validateWhenBuiltObservablesThenNoViolations() {
        List<ObjectNode> observables = List.of(
                ExchangeObservables.wallet(WalletAddress.parse("solana", "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T")),
                ExchangeObservables.wallet(WalletAddress.parse("tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")),
                ExchangeObservables.personaIdentifier(scheme.digest(EmailIdentifiers.normalise("alice@example.com"))),
                ExchangeObservables.personaIdentifier(v2.token(PostalAddressIdentifiers.normalise("JP", "100-0001", "千代田1-1-1"))),
                ExchangeObservables.deviceIdentifier(DeviceIdentifier.remoteAccess(DeviceIdentifierType.RUSTDESK, "farm_box-01")),
                ExchangeObservables.deviceIdentifier(DeviceIdentifier.serial("lenovo", "PF-2ABCDE")));
        for (ObjectNode observable : observables) {
            assertThat(stix.validate(observable)).as("%s", observable).isEmpty();
            assertThat(extensions.validate(observable)).as("%s", observable).isEmpty();
        }
    }
}
