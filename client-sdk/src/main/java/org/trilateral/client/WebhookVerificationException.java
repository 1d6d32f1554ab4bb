package org.trilateral.client;

/**
 * A webhook delivery did not verify (docs/sdk.md#webhooks-verify-a-delivery): its signature is missing, malformed
 * or not by a pinned exchange key, it was signed for another endpoint or too long ago, or its body is not a delivery.
 * Answer such a request with an error (400 or 401) and do not act on its events.
 */
public class WebhookVerificationException extends ExchangeException {

    public WebhookVerificationException(String message) {
        super(message, (Throwable) null);
    }
}
