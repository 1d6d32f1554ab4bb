package org.trilateral.exchange.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.trilateral.taxonomy.stix.StixJson;
import tools.jackson.core.JacksonException;

class JsonSyntaxTest {

    private static String describe(String text) {
        JacksonException failure = catchThrowableOfType(JacksonException.class, () -> StixJson.mapper().readTree(text));
        return JsonSyntax.describe(failure);
    }

    @Test
    void describeWhenBodyCutShortThenSaysWhereWithoutParserInternals() {
        String detail = describe("{\"jwk\": {\"kty\": \"OKP\"");
        assertThat(detail).doesNotContain("Source", "REDACTED", "StreamReadFeature")
                .contains("at line 1, column 22");
    }

    @Test
    void describeWhenUnexpectedCharacterOnLineTwoThenNamesLineAndColumn() {
        String detail = describe("{\n  \"a\": x}");
        assertThat(detail).startsWith("Unrecognized token 'x'").contains("at line 2, column ").doesNotContain("Source");
    }
}
