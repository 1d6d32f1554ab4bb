package org.trilateral.taxonomy.persona;

import java.util.regex.Pattern;

/**
 * A scheme of the {@code scheme} property of a {@code persona-identifier}: its name and the form of its digests, which
 * is all a receiver needs to check an object. Its name is part of every digest's observable id, so digests of
 * different schemes never compare equal. {@link PersonaHashScheme}s compute their digests locally; the oblivious
 * scheme {@link V2OprfP256} needs the exchange's key, through {@link PersonaTokenClient}.
 */
public interface PersonaScheme {

    /** The scheme's name as written in the {@code scheme} property, e.g. {@code v1-sha256}. */
    String name();

    /** What a digest of this scheme looks like, so that a received object can be checked. */
    Pattern digestForm();

    /** A sentence describing {@link #digestForm()}, for refusal messages. */
    String digestFormDescription();
}
