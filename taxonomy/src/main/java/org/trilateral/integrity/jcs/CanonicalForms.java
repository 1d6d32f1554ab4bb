package org.trilateral.integrity.jcs;

/**
 * Two RFC 8785 forms made in one walk ({@link JsonCanonicalizer#canonicalizeOmitting}): of a whole object, and of the
 * same object without one nested member.
 *
 * @param whole the canonical bytes of the object as it is
 * @param omitted the canonical bytes of the object without the member (the same bytes when it has none)
 */
public record CanonicalForms(byte[] whole, byte[] omitted) {
}
