package org.trilateral.exchange.error;

import java.util.Locale;

/**
 * The few reasons a metric counts refusals by, from a refusal's message: a bounded set of tag values, whatever the
 * message says. Signature failures are {@code signature}.
 */
public final class RefusalReasons {

    private RefusalReasons() {
    }

    /** The reason of an object the exchange refused at ingest. */
    public static String ofObject(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("signature") || text.contains("signed") || text.contains("kid")) {
            return "signature";
        }
        if (text.contains("created_by_ref") || text.contains("identity")) {
            return "attribution";
        }
        if (text.contains("tlp") || text.contains("marking")) {
            return "marking";
        }
        if (text.contains("canonical")) {
            return "canonical-json";
        }
        if (text.contains("publisher") || text.contains("conflict") || text.contains("already")) {
            return "conflict";
        }
        return "validation";
    }

    /** The reason of a refused token (401) or request (403), from the reason given to the client. */
    public static String ofToken(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.startsWith("no bearer token")) {
            return "missing";
        }
        if (text.contains("must be 'bearer")) {
            return "not-bearer";
        }
        if (text.contains("restarted")) {
            return "dev-key-changed";
        }
        if (text.contains("expired") || text.contains("jwt expired") || text.contains("not before")) {
            return "expired";
        }
        if (text.contains("issuer")) {
            return text.contains("signature") || text.contains("key id") ? "signature" : "issuer";
        }
        if (text.contains("audience")) {
            return "audience";
        }
        if (text.contains("member")) {
            return "unknown-member";
        }
        return "invalid";
    }
}
