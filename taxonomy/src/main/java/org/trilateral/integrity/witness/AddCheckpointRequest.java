package org.trilateral.integrity.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The body of a tlog-witness {@code add-checkpoint} request: a line {@code old <size>}, up to 63 consistency-proof
 * lines (standard base64 hashes), a blank line, then the signed checkpoint note.
 *
 * @param oldSize the size of the checkpoint the witness is believed to have cosigned last (0 for none)
 * @param proof the RFC 9162 §2.1.4 consistency proof from {@code oldSize} to the checkpoint's size
 * @param checkpoint the signed checkpoint note, as the log serves it
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, String checkpoint) {

    /** tlog-witness: "The client MUST NOT send more than 63 consistency proof lines." */
    public static final int MAX_PROOF_LINES = 63;

    public AddCheckpointRequest {
        if (oldSize < 0) {
            throw new IllegalArgumentException("the old size must not be negative");
        }
        proof = proof.stream().map(byte[]::clone).toList();
        if (proof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("a consistency proof has at most " + MAX_PROOF_LINES + " lines");
        }
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /**
     * Parses a request body.
     *
     * @throws IllegalArgumentException naming what is malformed (the witness answers 400)
     */
    public static AddCheckpointRequest parse(String body) {
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("the request has no blank line before the checkpoint");
        }
        String[] header = body.substring(0, blank).split("\n", -1);
        if (!header[0].startsWith("old ")) {
            throw new IllegalArgumentException("the request's first line is not \"old <size>\"");
        }
        String size = header[0].substring(4);
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the old size \"" + size + "\" is not a decimal without leading zeroes");
        }
        long oldSize;
        try {
            oldSize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the old size \"" + size + "\" is too large", e);
        }
        if (header.length - 1 > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("the request has " + (header.length - 1)
                    + " consistency proof lines, more than " + MAX_PROOF_LINES);
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(header[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("consistency proof line " + i + " is not base64", e);
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException("consistency proof line " + i + " is not a 32-byte hash");
            }
            proof.add(hash);
        }
        return new AddCheckpointRequest(oldSize, proof, body.substring(blank + 2));
    }

    /** The request body. */
    public String format() {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return body.append('\n').append(checkpoint).toString();
    }

    /** The request body as UTF-8 bytes. */
    public byte[] bytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public List<byte[]> proof() {
        return proof.stream().map(byte[]::clone).toList();
    }
}
