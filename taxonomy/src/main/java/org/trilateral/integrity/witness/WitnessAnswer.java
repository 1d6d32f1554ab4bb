package org.trilateral.integrity.witness;

import java.util.List;
import java.util.Objects;
import org.trilateral.integrity.checkpoint.NoteSignature;

/**
 * A witness's answer to {@code add-checkpoint} (C2SP tlog-witness): the HTTP status, and either the cosignature
 * lines (200) or a reason; a 409 carries the size of the latest checkpoint the witness cosigned.
 *
 * @param status 200, 400, 403, 404, 409 or 422
 * @param cosignatures the signature lines to add to the checkpoint (200 only)
 * @param reason why it was refused (not 200)
 * @param latestSize the size of the witness's latest cosigned checkpoint (409 only)
 */
public record WitnessAnswer(int status, List<NoteSignature> cosignatures, String reason, long latestSize) {

    public WitnessAnswer {
        cosignatures = List.copyOf(cosignatures);
        Objects.requireNonNull(reason, "reason");
    }

    static WitnessAnswer cosigned(List<NoteSignature> lines) {
        return new WitnessAnswer(200, lines, "", -1);
    }

    static WitnessAnswer refused(int status, String reason) {
        return new WitnessAnswer(status, List.of(), reason, -1);
    }

    static WitnessAnswer conflict(long latestSize) {
        return new WitnessAnswer(409, List.of(), "the witness's latest cosigned checkpoint has size " + latestSize,
                latestSize);
    }

    /** The response body: the signature lines (200), the latest size and a newline (409), else the reason. */
    public String body() {
        if (status == 200) {
            StringBuilder body = new StringBuilder();
            cosignatures.forEach(line -> body.append(line.formatLine()));
            return body.toString();
        }
        return status == 409 ? latestSize + "\n" : reason + "\n";
    }

    /** The response's content type: {@code text/x.tlog.size} for a 409, else plain text. */
    public String contentType() {
        return status == 409 ? "text/x.tlog.size" : "text/plain; charset=utf-8";
    }
}
