package org.trilateral.taxonomy.persona;

import java.util.regex.Pattern;

/**
 * Turns a tagged identifier into the digest members publish. Schemes are pluggable: the scheme used for
 * publication is decided with private matching; its name is part of every digest (and of the observable's id),
 * so digests of different schemes never compare equal.
 */
public interface PersonaHashScheme {

    /** The scheme's name as written in the {@code scheme} property, e.g. {@code v1-sha256}. */
    String name();

    /** The digest of one tagged identifier. */
    PersonaDigest digest(TaggedIdentifier identifier);

    /** What a digest of this scheme looks like, so that a received object can be checked. */
    Pattern digestForm();

    /** A sentence describing {@link #digestForm()}, for refusal messages. */
    String digestFormDescription();
}
