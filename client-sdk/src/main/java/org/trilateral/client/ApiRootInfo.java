package org.trilateral.client;

import java.util.List;

/**
 * The API root's information (TAXII 2.1 §4.2).
 *
 * @param title the root's title
 * @param versions the TAXII versions it serves
 * @param maxContentLength the largest request body it accepts, in bytes
 */
public record ApiRootInfo(String title, List<String> versions, long maxContentLength) {

    public ApiRootInfo {
        versions = List.copyOf(versions);
        if (maxContentLength <= 0) {
            throw new IllegalArgumentException("max_content_length must be positive, not " + maxContentLength);
        }
    }
}
