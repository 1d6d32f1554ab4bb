package org.trilateral.client;

/**
 * What the exchange delivered to this member, for an {@link LogVerifier#audit audit}: the object versions received
 * as current, by id and the SHA-256 of their RFC 8785 form ({@code object_sha256}).
 */
public interface DeliveredObjects {

    /** True when the object version with this id and content was delivered. */
    boolean contains(String id, String objectSha256);

    /** Every delivered version, as {@code {id, object_sha256}} pairs. */
    Iterable<String[]> all();
}
