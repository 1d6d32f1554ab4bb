package org.trilateral.integrity.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A verified Ed25519 witness cosignature of a checkpoint (C2SP tlog-cosignature, {@code cosignature/v1}): the
 * cosigner's statement that, as of {@link #time()}, the checkpoint was the largest consistent tree head it had seen
 * for the log.
 *
 * @param cosigner the cosigner key that made it
 * @param time when the cosigner made it (the {@code timestamp} of the {@code timestamped_signature})
 * @param line the signature line as carried by the note
 */
public record Cosignature(CosignerKey cosigner, Instant time, NoteSignature line) {

    /** Bytes of the {@code timestamped_signature} of an Ed25519 cosignature: u64 timestamp and 64 signature bytes. */
    static final int TIMESTAMPED_SIGNATURE_BYTES = 8 + 64;

    public Cosignature {
        Objects.requireNonNull(cosigner, "cosigner");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(line, "line");
    }

    /**
     * The message an Ed25519 cosignature signs (tlog-cosignature, "Ed25519 signed message"): the header line
     * {@code cosignature/v1}, the line {@code time <POSIX seconds>}, then the whole checkpoint note text.
     */
    static byte[] signedMessage(long timestamp, String checkpointText) {
        if (timestamp < 0) {
            throw new NoteFormatException("a cosignature timestamp must not be negative, not " + timestamp);
        }
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /** Splits a {@code timestamped_signature} into its big-endian u64 timestamp and the Ed25519 signature. */
    static long timestampOf(byte[] timestampedSignature) {
        long timestamp = ByteBuffer.wrap(timestampedSignature, 0, 8).getLong();
        if (timestamp < 0) {
            throw new NoteFormatException("a cosignature timestamp must not exceed 2^63 - 1");
        }
        return timestamp;
    }
}
