package org.trilateral.taxonomy.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AbaRoutingNumberTest {

    @Test
    void parseWhenPublishedRoutingNumbersThenValid() {
        // Federal Reserve Bank of Boston, JPMorgan Chase (New York), Bank of America (New York, California).
        for (String routing : new String[] {"011000015", "021000021", "026009593", "121000358"}) {
            assertThat(AbaRoutingNumber.parse(routing).value()).isEqualTo(routing);
        }
        assertThat(AbaRoutingNumber.parse("0210-0002-1").value()).isEqualTo("021000021");
    }

    @Test
    void parseWhenCheckDigitWrongThenRefused() {
        assertThatThrownBy(() -> AbaRoutingNumber.parse("021000022")).isInstanceOf(InvalidBankIdentifierException.class)
                .hasMessageContaining("3-7-1");
    }

    @Test
    void parseWhenPrefixNotARoutingSymbolThenRefused() {
        // 130000006 passes the 3-7-1 check (3·1 + 7·3 + 6 = 30), but 13 is no Federal Reserve routing symbol.
        assertThatThrownBy(() -> AbaRoutingNumber.parse("130000006")).hasMessageContaining("start with 00-12");
    }

    @Test
    void parseWhenNotNineDigitsThenRefused() {
        assertThatThrownBy(() -> AbaRoutingNumber.parse("02100002")).hasMessageContaining("nine digits");
        assertThatThrownBy(() -> AbaRoutingNumber.parse("02100002A")).hasMessageContaining("nine digits");
    }
}
