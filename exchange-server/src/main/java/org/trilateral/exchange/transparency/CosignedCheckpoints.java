package org.trilateral.exchange.transparency;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.trilateral.exchange.ledger.LedgerProperties;
import org.trilateral.exchange.ledger.TransparencyLog;
import reactor.core.publisher.Mono;

/**
 * The checkpoint {@code /log/checkpoint} serves: the exchange's signed note with the witnesses' cosignature lines
 * appended (C2SP tlog-cosignature). With a witness quorum configured, the newest checkpoint that many witnesses have
 * cosigned; until one exists, the newest checkpoint with the cosignatures it has (a client requiring the quorum
 * refuses it, saying so).
 */
@Component
class CosignedCheckpoints {

    private final TransparencyLog log;
    private final LedgerProperties properties;

    CosignedCheckpoints(TransparencyLog log, LedgerProperties properties) {
        if (properties.witnessQuorum() > properties.witnesses().size()) {
            throw new IllegalStateException("exchange.log.witness-quorum (" + properties.witnessQuorum() + ") is larger"
                    + " than the number of exchange.log.witnesses (" + properties.witnesses().size() + ")");
        }
        this.log = log;
        this.properties = properties;
    }

    Mono<String> served() {
        Mono<String> newest = log.latestCheckpoint().flatMap(note -> withCosignatures(sizeOf(note), note));
        if (properties.witnessQuorum() == 0) {
            return newest;
        }
        return log.newestCosigned(properties.witnessQuorum())
                .flatMap(size -> log.checkpointOf(size).flatMap(note -> withCosignatures(size, note)))
                .switchIfEmpty(newest);
    }

    private Mono<String> withCosignatures(long size, String note) {
        return log.cosignatures(size).map(lines -> append(note, lines));
    }

    private static String append(String note, Map<String, String> lines) {
        StringBuilder served = new StringBuilder(note);
        lines.values().forEach(served::append);
        return served.toString();
    }

    /** The tree size a checkpoint note states (its second line). */
    static long sizeOf(String note) {
        String[] lines = note.split("\n", 3);
        if (lines.length < 2) {
            throw new IllegalStateException("a checkpoint note has no size line: " + note);
        }
        return Long.parseLong(lines[1]);
    }
}
