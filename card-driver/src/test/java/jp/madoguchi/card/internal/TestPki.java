package jp.madoguchi.card.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.madoguchi.sim.pki.SeededKeys;
import jp.madoguchi.sim.pki.SimulatorPki;

/** One simulated JPKI CA and card key pair per test JVM (RSA key generation is slow). */
final class TestPki {
    private static TestPki instance;

    final KeyPair cardKeys;
    final X509Certificate authCertificate;
    final X509Certificate authCaCertificate;

    private TestPki(KeyPair cardKeys, X509Certificate authCertificate, X509Certificate authCaCertificate) {
        this.cardKeys = cardKeys;
        this.authCertificate = authCertificate;
        this.authCaCertificate = authCaCertificate;
    }

    static synchronized TestPki get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("card-driver-pki");
                SimulatorPki pki = SimulatorPki.open(dir);
                KeyPair keys = SeededKeys.rsa2048("card-driver-test");
                Instant notBefore = Instant.parse("2025-01-01T00:00:00Z");
                X509Certificate auth = pki.issueUserAuthCertificate(
                        "R0001", keys.getPublic(), notBefore, notBefore.plus(5 * 365, ChronoUnit.DAYS));
                instance = new TestPki(keys, auth, pki.userAuthenticationCa().certificate());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    byte[] authCertificateDer() {
        return der(authCertificate);
    }

    byte[] authCaCertificateDer() {
        return der(authCaCertificate);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
