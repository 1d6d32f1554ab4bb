package org.trilateral.exchange.error;

import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.trilateral.exchange.taxii.TaxiiSection;

/**
 * One refusal as it is answered, whatever its surface.
 *
 * @param detail    what is wrong, for the client
 * @param field     the request member that is wrong (problem details only), or null
 * @param taxiiCode the TAXII {@code error_code} (TAXII only)
 * @param section   the TAXII 2.1 section cited (TAXII only); null to cite the matched endpoint's
 */
public record ErrorReport(HttpStatus status, String detail, String field, String taxiiCode, TaxiiSection section) {

    public ErrorReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(taxiiCode, "taxiiCode");
    }
}
