package org.trilateral.exchange.ledger;

import org.springframework.http.HttpStatus;

/**
 * A refused request to the log's endpoints, rendered as RFC 9457 problem details by {@link LedgerRoutes}.
 */
class LedgerProblem extends RuntimeException {

    private final HttpStatus status;

    LedgerProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static LedgerProblem badRequest(String detail) {
        return new LedgerProblem(HttpStatus.BAD_REQUEST, detail);
    }

    static LedgerProblem notFound(String detail) {
        return new LedgerProblem(HttpStatus.NOT_FOUND, detail);
    }
}
