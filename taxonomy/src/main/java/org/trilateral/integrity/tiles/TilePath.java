package org.trilateral.integrity.tiles;

/**
 * A tile's or entry bundle's coordinates and path (C2SP tlog-tiles): {@code tile/<L>/<N>[.p/<W>]} and
 * {@code tile/entries/<N>[.p/<W>]}, the index {@code N} written as zero-padded 3-digit path elements, all but the
 * last prefixed with {@code x} (1234067 is {@code x001/x234/067}).
 *
 * @param level the tile level, 0 to 63; -1 for an entry bundle
 * @param index the tile's index within its level
 * @param width its width, 1 to 256 (256 is a full tile, without {@code .p/})
 */
public record TilePath(int level, long index, int width) {

    /** Hashes in a full tile, entries in a full bundle. */
    public static final int FULL_WIDTH = 256;
    /** The level of entry bundles. */
    public static final int ENTRIES = -1;

    public TilePath {
        if (level < ENTRIES || level > 63) {
            throw new IllegalArgumentException("a tile level is between 0 and 63, not " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("a tile index is not negative");
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("a tile's width is between 1 and 256, not " + width);
        }
    }

    /** The tile of {@code level} holding hash {@code position} (at that level) in a tree of {@code treeSize} leaves. */
    public static TilePath covering(int level, long position, long treeSize) {
        long tile = position >>> 8;
        long available = hashesAt(level, treeSize);
        long end = Math.min((tile + 1) * FULL_WIDTH, available);
        if (end <= tile * FULL_WIDTH || position >= available) {
            throw new IllegalArgumentException("a tree of " + treeSize + " leaves has no hash " + position
                    + " at tile level " + level);
        }
        return new TilePath(level, tile, (int) (end - tile * FULL_WIDTH));
    }

    /** The entry bundle holding entry {@code position} of a tree of {@code treeSize} leaves. */
    public static TilePath entriesCovering(long position, long treeSize) {
        TilePath tile = covering(0, position, treeSize);
        return new TilePath(ENTRIES, tile.index(), tile.width());
    }

    /** How many hashes tile level {@code level} has for a tree of {@code treeSize}: {@code floor(s / 256^level)}. */
    public static long hashesAt(int level, long treeSize) {
        return level >= 8 ? 0 : treeSize >>> (8 * level);
    }

    /** True when the tile holds 256 hashes (or entries). */
    public boolean full() {
        return width == FULL_WIDTH;
    }

    /** The path relative to the log's prefix, e.g. {@code tile/0/x001/x234/067.p/12}. */
    public String path() {
        StringBuilder path = new StringBuilder("tile/").append(level == ENTRIES ? "entries" : Integer.toString(level))
                .append('/');
        String digits = Long.toString(index);
        int groups = Math.max(1, (digits.length() + 2) / 3);
        String padded = "0".repeat(groups * 3 - digits.length()) + digits;
        for (int i = 0; i < groups; i++) {
            if (i > 0) {
                path.append('/');
            }
            if (i < groups - 1) {
                path.append('x');
            }
            path.append(padded, i * 3, i * 3 + 3);
        }
        if (!full()) {
            path.append(".p/").append(width);
        }
        return path.toString();
    }

    /**
     * Parses a path relative to the log's prefix.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static TilePath parse(String path) {
        if (!path.startsWith("tile/")) {
            throw new IllegalArgumentException("a tile path starts with tile/");
        }
        String rest = path.substring(5);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a tile path names a level and an index");
        }
        String levelText = rest.substring(0, slash);
        int level;
        if (levelText.equals("entries")) {
            level = ENTRIES;
        } else if (levelText.matches("0|[1-9][0-9]?")) {
            level = Integer.parseInt(levelText);
        } else {
            throw new IllegalArgumentException("the tile level \"" + levelText + "\" is not a decimal without leading zeroes");
        }
        String indexText = rest.substring(slash + 1);
        int width = FULL_WIDTH;
        int partial = indexText.indexOf(".p/");
        if (partial >= 0) {
            String widthText = indexText.substring(partial + 3);
            if (!widthText.matches("[1-9][0-9]{0,2}") || Integer.parseInt(widthText) >= FULL_WIDTH) {
                throw new IllegalArgumentException("the partial tile width \"" + widthText + "\" is not 1 to 255");
            }
            width = Integer.parseInt(widthText);
            indexText = indexText.substring(0, partial);
        }
        String[] elements = indexText.split("/", -1);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i];
            boolean last = i == elements.length - 1;
            if (!(last ? element.matches("[0-9]{3}") : element.matches("x[0-9]{3}"))) {
                throw new IllegalArgumentException("the tile index element \"" + element + "\" is not "
                        + (last ? "three digits" : "x and three digits"));
            }
            digits.append(last ? element : element.substring(1));
        }
        if (elements.length > 1 && elements[0].equals("x000")) {
            throw new IllegalArgumentException("the tile index has a leading x000 element");
        }
        if (digits.length() > 18) {
            throw new IllegalArgumentException("the tile index is too large");
        }
        return new TilePath(level, Long.parseLong(digits.toString()), width);
    }
}
