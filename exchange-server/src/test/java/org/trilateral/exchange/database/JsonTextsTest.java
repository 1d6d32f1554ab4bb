package org.trilateral.exchange.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.r2dbc.core.DatabaseClient;
import org.trilateral.exchange.support.TestDatabase;

/** JSON texts joined into one parameter come back from PostgreSQL as the same texts, nulls included. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonTextsTest {

    private DatabaseClient db;

    @BeforeAll
    void connect() {
        db = TestDatabase.newDatabaseClient();
    }

    @Test
    void splitWhenTextsHoldQuotesBackslashesWhitespaceAndUnicodeThenPostgresAnswersThemUnchanged() {
        String[] texts = {
                "{\"name\":\"a \\\"quoted\\\" \\\\ back\\\\slash\",\"x\":[1, 2]}",
                null,
                "{\n\t\"pattern\": \"[email-addr:value = 'k\\u00e9n@example.org']\",\r\n \"n\": \"\u6f22\u5b57 \ud83d\ude00\"}",
                "{\"empty\":\"\",\"comma\":\",\",\"braces\":\"{}\"}",
                null};

        assertThat(roundTrip(texts)).containsExactly(texts);
    }

    @Test
    void splitWhenOneTextThenOneRow() {
        assertThat(roundTrip(new String[] {"{}"})).containsExactly("{}");
        assertThat(roundTrip(new String[] {null})).containsExactly((String) null);
    }

    @Test
    void joinWhenTextHoldsTheSeparatorOrIsEmptyThenRefused() {
        assertThatThrownBy(() -> JsonTexts.join(new String[] {"{}", "{\"a\":\"\u001e\"}"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+001E");
        assertThatThrownBy(() -> JsonTexts.join(new String[] {""}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    /** The texts as rows of unnest, as the ingest statements read them, padded by a second array of their length. */
    private List<String> roundTrip(String[] texts) {
        Integer[] positions = new Integer[texts.length];
        Arrays.setAll(positions, i -> i);
        return db.sql("SELECT t.position, t.text FROM unnest(CAST(:positions AS integer[]), "
                        + JsonTexts.split(":texts") + ") AS t(position, text) ORDER BY t.position")
                .bind("positions", positions)
                .bind("texts", JsonTexts.join(texts))
                .map((row, meta) -> java.util.Optional.ofNullable(row.get("text", String.class)))
                .all()
                .collectList()
                .block()
                .stream().map(text -> text.orElse(null)).toList();
    }
}
