package org.trilateral.integrity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A note and its signatures (C2SP signed-note): the text, which ends with a newline, a blank line, then one
 * line per signature. Immutable.
 *
 * @param text the note text, ending with a newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** The most signature lines accepted, as in the Go reference implementation, to bound verification work. */
    static final int MAX_SIGNATURES = 100;

    public SignedNote {
        requireValidText(text);
        Objects.requireNonNull(signatures, "signatures");
        if (signatures.isEmpty()) {
            throw new NoteFormatException("a signed note needs at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new NoteFormatException("a signed note has " + signatures.size() + " signatures, more than "
                    + MAX_SIGNATURES);
        }
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} with each signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(signer.sign(text));
        }
        return new SignedNote(text, signatures);
    }

    /** This note with more signature lines (a witness's cosignatures, say), after the ones it has. */
    public SignedNote withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        for (NoteSignature line : more) {
            if (!all.contains(line)) {
                all.add(line);
            }
        }
        return new SignedNote(text, all);
    }

    /** This note with one more signature line, by {@code signer}. */
    public SignedNote cosign(NoteSigner signer) {
        List<NoteSignature> more = new ArrayList<>(signatures);
        more.add(signer.sign(text));
        return new SignedNote(text, more);
    }

    /**
     * Parses a signed note: the text is everything up to and including the newline before the last blank line;
     * what follows is signature lines, each ending with a newline.
     */
    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFormatException("a signed note has a blank line between its text and its signatures");
        }
        String text = note.substring(0, split + 1);
        String signatureBlock = note.substring(split + 2);
        if (signatureBlock.isEmpty() || !signatureBlock.endsWith("\n")) {
            throw new NoteFormatException("a signed note ends with signature lines, each ending with a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : signatureBlock.substring(0, signatureBlock.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new NoteFormatException("a signed note has more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(NoteSignature.parseLine(line));
        }
        return new SignedNote(text, signatures);
    }

    /** The note as transmitted: text, blank line, signature lines. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.formatLine()));
        return note.toString();
    }

    /**
     * Checks the signatures by the given keys. Lines from keys not given are ignored; a line from a given key
     * must verify.
     *
     * @return the keys whose signatures verified, at least one
     * @throws NoteVerificationException if a known key's signature is invalid, or no known key signed
     */
    public List<NoteVerifierKey> verify(Collection<NoteVerifierKey> keys) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteVerifierKey> verified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            for (NoteVerifierKey key : keys) {
                if (!key.matches(signature)) {
                    continue;
                }
                if (!key.verify(message, signature.signature())) {
                    throw new NoteVerificationException("the signature by " + key.name() + "+"
                            + String.format("%08x", signature.keyHash()) + " does not verify");
                }
                if (!verified.contains(key)) {
                    verified.add(key);
                }
            }
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException("none of the note's signatures is by a known key");
        }
        return List.copyOf(verified);
    }

    /**
     * C2SP signed-note: the text is non-empty UTF-8 ending in a newline, with no ASCII control characters other
     * than newline.
     */
    static void requireValidText(String text) {
        if (text == null || text.isEmpty()) {
            throw new NoteFormatException("a note text must not be empty");
        }
        if (!text.endsWith("\n")) {
            throw new NoteFormatException("a note text must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7F) {
                throw new NoteFormatException(String.format(
                        "a note text must not contain control character U+%04X (at position %d)", (int) c, i));
            }
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(++i)))) {
                throw new NoteFormatException("a note text must be well-formed UTF-8 (unpaired surrogate at "
                        + i + ")");
            }
        }
    }
}
