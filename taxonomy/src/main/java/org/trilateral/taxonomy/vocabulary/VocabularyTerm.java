package org.trilateral.taxonomy.vocabulary;

/** One term of an exchange vocabulary: the string written in objects and a sentence saying what it means. */
public interface VocabularyTerm {

    /** The value written in STIX objects (lower case, hyphen-separated, as STIX 2.1 §10 vocabularies are). */
    String value();

    /** What the term means. */
    String description();
}
