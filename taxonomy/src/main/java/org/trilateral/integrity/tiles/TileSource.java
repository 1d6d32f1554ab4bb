package org.trilateral.integrity.tiles;

/** Where tiles come from: the log over HTTP, a cache, or the server's own storage. */
@FunctionalInterface
public interface TileSource {

    /**
     * The hashes of the tile, {@code 32 * width} bytes.
     *
     * @throws RuntimeException of the source's kind when the tile cannot be had
     */
    byte[] tile(TilePath path);
}
