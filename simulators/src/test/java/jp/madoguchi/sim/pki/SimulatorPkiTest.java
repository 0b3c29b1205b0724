package jp.madoguchi.sim.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorPkiTest {
    private static final Instant FROM = Instant.parse("2025-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-03-31T23:59:59Z");

    @Test
    void secondOpenReusesTheAuthoritiesCreatedOnFirstStart(@TempDir Path data) {
        SimulatorPki first = SimulatorPki.open(data);
        SimulatorPki second = SimulatorPki.open(data);
        assertThat(second.userAuthenticationCa().certificate())
                .isEqualTo(first.userAuthenticationCa().certificate());
        assertThat(second.signingCa().certificate()).isEqualTo(first.signingCa().certificate());
        assertThat(data.resolve("pki/jpki-auth-ca.key.pem")).exists();
    }

    @Test
    void cardCertificateIsDeterministicChainsToTheCaAndNamesTheResident(@TempDir Path data) throws Exception {
        SimulatorPki pki = SimulatorPki.open(data);
        KeyPair card = SeededKeys.rsa2048("R0001/auth");
        assertThat(SeededKeys.rsa2048("R0001/auth").getPublic()).isEqualTo(card.getPublic());
        assertThat(SeededKeys.rsa2048("R0002/auth").getPublic()).isNotEqualTo(card.getPublic());

        X509Certificate cert = pki.issueUserAuthCertificate("R0001", card.getPublic(), FROM, TO);
        X509Certificate again = pki.issueUserAuthCertificate("R0001", card.getPublic(), FROM, TO);
        assertThat(again.getEncoded()).isEqualTo(cert.getEncoded());

        cert.verify(pki.userAuthenticationCa().certificate().getPublicKey());
        assertThat(SimulatorPki.residentIdOf(cert)).isEqualTo("R0001");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(new String(
                        cert.getExtensionValue("1.3.6.1.5.5.7.1.1"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(pki.ocspUrl());
    }
}
