package org.trilateral.exchange.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exchange.webhooks.trust-store}: its CAs are trusted with the JDK's or instead of them, and a trust store that
 * is missing or holds no certificate stops the exchange with a message naming it.
 */
class WebhookTrustTest {

    @TempDir
    Path directory;

    private static WebhookProperties properties(Path trustStore, boolean defaults) {
        return new WebhookProperties(true, false, List.of(), 10, 100, 1048576, Duration.ofSeconds(10),
                Duration.ofSeconds(5), 16, Duration.ofSeconds(1), Duration.ofHours(1), 2, Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofMinutes(1), 1000, trustStore, defaults);
    }

    @Test
    void ofWhenTrustStoreSetThenItsCaIsTrustedWithTheJdkDefaultsOrAlone() throws Exception {
        TestCertificates.Authority ca = TestCertificates.Authority.create("Private CA");
        Path pem = ca.pem(directory);
        int jdk = issuers(defaultFactory()).size();

        List<String> both = names(WebhookTrust.of(properties(pem, true)).orElseThrow());
        List<String> alone = names(WebhookTrust.of(properties(pem, false)).orElseThrow());

        assertThat(jdk).isPositive();
        assertThat(both).hasSize(jdk + 1).contains("CN=Private CA");
        assertThat(alone).containsExactly("CN=Private CA");
        assertThat(WebhookTrust.of(properties(null, true))).isEmpty();
    }

    @Test
    void ofWhenTrustStoreMissingEmptyOrAloneWithoutCasThenRefusedNamingIt() throws IOException {
        Path missing = directory.resolve("missing.pem");
        Path empty = Files.writeString(directory.resolve("empty.pem"), "not a certificate\n");

        assertThatThrownBy(() -> WebhookTrust.of(properties(missing, true))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exchange.webhooks.trust-store").hasMessageContaining("missing.pem");
        assertThatThrownBy(() -> WebhookTrust.of(properties(empty, true))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty.pem");
        assertThatThrownBy(() -> properties(null, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exchange.webhooks.trust-store");
    }

    private static TrustManagerFactory defaultFactory() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return factory;
    }

    private static List<java.security.cert.X509Certificate> issuers(TrustManagerFactory factory) {
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst().map(m -> Arrays.asList(m.getAcceptedIssuers()))
                .orElseThrow();
    }

    private static List<String> names(TrustManagerFactory factory) {
        return issuers(factory).stream().map(c -> c.getSubjectX500Principal().getName()).toList();
    }
}
