package org.trilateral.exchange.delivery.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificate authorities webhook TLS connections trust: the JDK's defaults, plus the PEM certificates of
 * {@code exchange.webhooks.trust-store} (a member's endpoint behind a private CA), or only those when
 * {@code exchange.webhooks.trust-default-cas} is false. The host name is checked against the certificate either way.
 * A trust store that cannot be read, or holds no certificate, stops the exchange at start, naming the file.
 */
final class WebhookTrust {

    private WebhookTrust() {
    }

    /** The trust manager factory for the settings; empty when {@code trust-store} is not set (the JDK's defaults). */
    static Optional<TrustManagerFactory> of(WebhookProperties properties) {
        if (properties.trustStore() == null) {
            return Optional.empty();
        }
        List<X509Certificate> configured = read(properties.trustStore());
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            if (properties.trustDefaultCas()) {
                for (X509Certificate authority : defaults().getAcceptedIssuers()) {
                    store.setCertificateEntry("jdk-" + n++, authority);
                }
            }
            for (X509Certificate authority : configured) {
                store.setCertificateEntry("trust-store-" + n++, authority);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Optional.of(factory);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build the webhook trust store from exchange.webhooks.trust-store "
                    + properties.trustStore() + ": " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM file (several may follow each other). */
    static List<X509Certificate> read(Path pem) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalStateException("exchange.webhooks.trust-store " + pem + " cannot be read: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("exchange.webhooks.trust-store " + pem + " is not a file of PEM"
                    + " certificates: " + e.getMessage(), e);
        }
        List<X509Certificate> found = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (certificate instanceof X509Certificate x509) {
                found.add(x509);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("exchange.webhooks.trust-store " + pem + " holds no certificate (expected"
                    + " PEM: -----BEGIN CERTIFICATE-----)");
        }
        return found;
    }

    private static X509TrustManager defaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK has no default X.509 trust manager");
    }
}
