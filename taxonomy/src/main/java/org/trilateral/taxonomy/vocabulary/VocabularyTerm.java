package org.trilateral.taxonomy.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** One term of an exchange vocabulary: the string written in objects and a sentence saying what it means. */
public interface VocabularyTerm {

    /** The value written in STIX objects (lower case, hyphen-separated, as STIX 2.1 §10 vocabularies are). */
    String value();

    /** What the term means. */
    String description();

    /** The term of {@code vocabulary} whose value is {@code value}, if any. */
    static <T extends Enum<T> & VocabularyTerm> Optional<T> find(Class<T> vocabulary, String value) {
        return Arrays.stream(vocabulary.getEnumConstants()).filter(t -> t.value().equals(value)).findFirst();
    }
}
