package org.trilateral.exchange.delivery.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Certificates made in the test (BouncyCastle's ASN.1 and the JDK's EC keys): a private CA, a server certificate it
 * issues for {@code localhost} and {@code 127.0.0.1} (or other names), the CA as a PEM file and the server's key as a PKCS #12 key
 * store for an https WireMock.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    /** A CA: its key pair and self-signed certificate. */
    record Authority(KeyPair keys, X509Certificate certificate) {

        static Authority create(String name) {
            KeyPair keys = keyPair();
            X500Name subject = new X500Name("CN=" + name);
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            try {
                extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new Authority(keys, sign(subject, subject, keys, keys, extensions));
        }

        /** A server certificate for {@code localhost} and {@code 127.0.0.1}, with its key, as a PKCS #12 file. */
        Path issueServerKeyStore(Path directory) {
            return issueServerKeyStore(directory, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }

        /** A server certificate for {@code names} only, with its key, as a PKCS #12 file. */
        Path issueServerKeyStore(Path directory, GeneralNames names) {
            KeyPair server = keyPair();
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            try {
                extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                extensions.addExtension(Extension.subjectAlternativeName, false, names);
                X509Certificate leaf = sign(new X500Name("CN=" + names.getNames()[0].getName()), X500Name.getInstance(
                        certificate.getSubjectX500Principal().getEncoded()), server, keys, extensions);
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", server.getPrivate(), PASSWORD.toCharArray(),
                        new Certificate[] {leaf, certificate});
                Path file = Files.createTempFile(directory, "server", ".p12");
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, PASSWORD.toCharArray());
                }
                return file;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The CA certificate as a PEM file. */
        Path pem(Path directory) {
            try {
                Path file = Files.createTempFile(directory, "ca", ".pem");
                String pem = "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
                return file;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys,
                                        ExtensionsGenerator extensions) {
        try {
            Instant now = Instant.now();
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, RANDOM)));
            tbs.setIssuer(issuer);
            tbs.setSubject(subject);
            tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofHours(1)))));
            tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(1)))));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded()));
            tbs.setSignature(ECDSA_SHA256);
            tbs.setExtensions(extensions.generate());
            TBSCertificate certificate = tbs.generateTBSCertificate();
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(issuerKeys.getPrivate());
            signature.update(certificate.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector signed = new ASN1EncodableVector();
            signed.add(certificate);
            signed.add(ECDSA_SHA256);
            signed.add(new DERBitString(signature.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(new DERSequence(signed).getEncoded(ASN1Encoding.DER)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
