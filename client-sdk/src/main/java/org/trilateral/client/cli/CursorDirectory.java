package org.trilateral.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the CLI keeps a cursor: one directory per exchange URL and collection under {@code --cursor-dir}, so the same
 * cursor name used against two exchanges, or two collections, never resumes from the other's position.
 */
final class CursorDirectory {

    private CursorDirectory() {
    }

    /** e.g. {@code .exchange/cursors/http_localhost_8080/indicators}. */
    static Path of(Path root, URI url, String collection) {
        String exchange = url.getScheme() + "_" + url.getHost() + (url.getPort() < 0 ? "" : "_" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
        return root.resolve(safe(exchange)).resolve(safe(collection));
    }

    private static String safe(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
        return name.isEmpty() ? "_" : name;
    }
}
