package org.trilateral.integrity.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A transparency log checkpoint (C2SP tlog-checkpoint): the note text
 * {@code <origin>\n<tree size>\n<base64 root hash>\n[<extension line>\n]*}, signed as a {@link SignedNote}.
 *
 * @param origin the log's unique identity, a schema-less URL by convention; non-empty
 * @param size the number of leaves in the tree
 * @param rootHash the 32-byte RFC 9162 root hash of the tree of that size
 * @param extensionLines optional further lines, each non-empty
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensionLines) {

    private static final int ROOT_HASH_BYTES = 32;

    public Checkpoint {
        requireLine(origin, "the checkpoint origin");
        if (size < 0) {
            throw new NoteFormatException("the checkpoint tree size " + size + " is negative");
        }
        if (rootHash == null || rootHash.length != ROOT_HASH_BYTES) {
            throw new NoteFormatException("the checkpoint root hash must be " + ROOT_HASH_BYTES + " bytes");
        }
        rootHash = rootHash.clone();
        Objects.requireNonNull(extensionLines, "extensionLines");
        extensionLines.forEach(line -> requireLine(line, "a checkpoint extension line"));
        extensionLines = List.copyOf(extensionLines);
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** Parses a checkpoint note text (the text of a signed note, not the signed note itself). */
    public static Checkpoint parse(String text) {
        SignedNote.requireValidText(text);
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new NoteFormatException("a checkpoint has at least three lines: origin, tree size, root hash");
        }
        return new Checkpoint(lines.get(0), parseSize(lines.get(1)), parseRootHash(lines.get(2)),
                lines.subList(3, lines.size()));
    }

    /** The note text to sign. */
    public String format() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensionLines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Signs this checkpoint with each signer: a signed tree head. */
    public SignedNote sign(NoteSigner... signers) {
        return SignedNote.sign(format(), signers);
    }

    /**
     * Parses a signed checkpoint, checks its signatures with {@link SignedNote#verify} and that its origin is the
     * expected one (tlog-checkpoint: verifiers must check the origin).
     *
     * @throws NoteFormatException if the note or checkpoint is malformed
     * @throws NoteVerificationException if the signatures do not verify or the origin differs
     */
    public static Checkpoint openSigned(String signedNote, String expectedOrigin, List<NoteVerifierKey> keys) {
        SignedNote note = SignedNote.parse(signedNote);
        note.verify(keys);
        Checkpoint checkpoint = parse(note.text());
        if (!checkpoint.origin.equals(expectedOrigin)) {
            throw new NoteVerificationException("the checkpoint is for origin \"" + checkpoint.origin
                    + "\", not \"" + expectedOrigin + "\"");
        }
        return checkpoint;
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    private static long parseSize(String line) {
        // ASCII decimal without leading zeros, so that each size has exactly one text form.
        if (!line.matches("0|[1-9][0-9]{0,18}")) {
            throw new NoteFormatException("the checkpoint tree size \"" + line + "\" is not a decimal number "
                    + "without leading zeros");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new NoteFormatException("the checkpoint tree size \"" + line + "\" is too large", e);
        }
    }

    private static byte[] parseRootHash(String line) {
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the checkpoint root hash \"" + line + "\" is not valid base64", e);
        }
        if (!Base64.getEncoder().encodeToString(hash).equals(line)) {
            throw new NoteFormatException("the checkpoint root hash \"" + line + "\" is not canonical base64");
        }
        return hash;
    }

    private static void requireLine(String line, String what) {
        if (line == null || line.isEmpty()) {
            throw new NoteFormatException(what + " must not be empty");
        }
        if (line.indexOf('\n') >= 0) {
            throw new NoteFormatException(what + " must be a single line");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensionLines.equals(that.extensionLines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensionLines);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size=" + size + ", root=" + Base64.getEncoder().encodeToString(rootHash)
                + ", extensions=" + extensionLines + "]";
    }
}
