package org.trilateral.taxonomy.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeterministicIdTest {

    @Test
    void uuidV5WhenRfc4122DnsExampleThenMatchesPythonUuid5() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(DeterministicId.uuidV5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    @Test
    void canonicalJsonWhenKeysUnsortedThenSortedAndEscaped() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("z", "a\"b\\c\n\u0001é");
        properties.put("a", "x");
        assertThat(DeterministicId.canonicalJson(properties)).isEqualTo("{\"a\":\"x\",\"z\":\"a\\\"b\\\\c\\n\\u0001é\"}");
    }

    @Test
    void ofWhenWalletPropertiesThenUuidV5InStixNamespace() {
        StixId id = DeterministicId.of("cryptocurrency-wallet",
                Map.of("chain", "eip155:1", "address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        // Computed independently: python uuid.uuid5(STIX namespace, '{"address":"0x5aAe...","chain":"eip155:1"}').
        assertThat(id).hasToString("cryptocurrency-wallet--0ce946cf-709f-52f8-877c-cfdcdb1aa1a0");
    }
}
