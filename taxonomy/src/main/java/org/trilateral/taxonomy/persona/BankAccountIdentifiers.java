package org.trilateral.taxonomy.persona;

import java.util.regex.Pattern;
import org.trilateral.taxonomy.bank.AbaRoutingNumber;
import org.trilateral.taxonomy.bank.Bic;
import org.trilateral.taxonomy.bank.Iban;
import org.trilateral.taxonomy.bank.InvalidBankIdentifierException;

/**
 * Bank accounts (docs/persona-identifiers.md, "bank accounts"), kind {@code bank-account}, in one of three forms:
 * {@code iban:<IBAN>}, {@code aba:<routing number>:<account number>} for US accounts and
 * {@code bic:<BIC>:<account number>} for other accounts without an IBAN. An account number identifies a person, so it
 * is only ever published tokenised.
 */
public final class BankAccountIdentifiers {

    /** US account numbers: digits, up to 17 (the NACHA DFI account number field). */
    private static final Pattern US_ACCOUNT = Pattern.compile("[0-9]{4,17}");
    /** Other account numbers: letters and digits, up to 34 (the longest account field of ISO 20022). */
    private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9]{1,34}");

    private BankAccountIdentifiers() {
    }

    /** An account by its IBAN, in print or electronic form: {@code iban:DE89370400440532013000}. */
    public static TaggedIdentifier iban(String iban) {
        return new TaggedIdentifier(PersonaKind.BANK_ACCOUNT, null, "iban:" + bank(() -> Iban.parse(iban)).value());
    }

    /**
     * A US account by ABA routing number and account number: {@code aba:021000021:000123456789}. The account number
     * keeps its leading zeros; separators are removed.
     */
    public static TaggedIdentifier usAccount(String routingNumber, String accountNumber) {
        AbaRoutingNumber routing = bank(() -> AbaRoutingNumber.parse(routingNumber));
        String account = compact(accountNumber);
        if (!US_ACCOUNT.matcher(account).matches()) {
            throw new InvalidPersonaIdentifierException("US account number '" + accountNumber + "' must be 4 to 17 digits once separators are removed");
        }
        return new TaggedIdentifier(PersonaKind.BANK_ACCOUNT, null, "aba:" + routing.value() + ":" + account);
    }

    /**
     * An account by the BIC of its bank and the account number as the bank writes it, for countries without IBANs
     * (Japan, Korea, ...): {@code bic:SHBKKRSE:110123456789}. An account number that is itself a valid IBAN is refused:
     * write it with {@link #iban(String)}, so that two members never tokenise one account in two forms.
     */
    public static TaggedIdentifier bicAccount(String bic, String accountNumber) {
        Bic code = bank(() -> Bic.parse(bic));
        String account = compact(accountNumber);
        if (!ACCOUNT.matcher(account).matches()) {
            throw new InvalidPersonaIdentifierException("account number '" + accountNumber
                    + "' must be 1 to 34 letters and digits once separators are removed");
        }
        if (isIban(account)) {
            throw new InvalidPersonaIdentifierException("account number '" + accountNumber + "' is an IBAN; use the iban form");
        }
        return new TaggedIdentifier(PersonaKind.BANK_ACCOUNT, null, "bic:" + code.value() + ":" + account);
    }

    private static boolean isIban(String account) {
        try {
            Iban.parse(account);
            return true;
        } catch (InvalidBankIdentifierException e) {
            return false;
        }
    }

    /** NFKC, upper case, every separator (punctuation, spaces) removed. */
    private static String compact(String text) {
        return NormalisationSteps.withoutSeparators(NormalisationSteps.nfkc(NormalisationSteps.required(text, "account number"))
                .toUpperCase(java.util.Locale.ROOT));
    }

    private interface BankParse<T> {
        T get();
    }

    private static <T> T bank(BankParse<T> parse) {
        try {
            return parse.get();
        } catch (InvalidBankIdentifierException e) {
            throw new InvalidPersonaIdentifierException(e.getMessage(), e);
        }
    }
}
