package jp.madoguchi.sim.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CenterPkiTest {
    @Test
    void credentialsCreatedOnFirstStartAreReadBackOnTheNext(@TempDir Path data) throws Exception {
        CenterPki first = CenterPki.open(SimulatorPki.open(data));
        Credential server = first.server();
        Credential kiosk = first.kiosk("KIOSK-0007");
        Credential city = first.municipality("992011", "東雲市");

        CenterPki second = CenterPki.open(SimulatorPki.open(data));
        assertThat(second.centerCa()).isEqualTo(first.centerCa());
        assertThat(second.server().certificate()).isEqualTo(server.certificate());
        assertThat(second.server().privateKey().getEncoded())
                .isEqualTo(server.privateKey().getEncoded());
        assertThat(second.kiosk("KIOSK-0007").certificate()).isEqualTo(kiosk.certificate());
        assertThat(second.municipality("992011", "東雲市").certificate()).isEqualTo(city.certificate());

        kiosk.certificate().verify(first.centerCa().getPublicKey());
        assertThat(CenterPki.kioskIdOf(kiosk.certificate())).isEqualTo("KIOSK-0007");
    }

    @Test
    void municipalitiesSignWithEd25519AndAnOlderRsaCertificateIsReplaced(@TempDir Path data) throws Exception {
        SimulatorPki jpki = SimulatorPki.open(data);
        CenterPki pki = CenterPki.open(jpki);
        Credential city = pki.municipality("992011", "東雲市");
        assertThat(city.certificate().getPublicKey()).isInstanceOf(java.security.interfaces.EdECPublicKey.class);
        city.certificate().verify(pki.centerCa().getPublicKey());

        // An RSA certificate and key where earlier versions stored RSA-2048 municipality
        // credentials: replaced by an Ed25519 one on next use.
        CertificateAuthority rsa = jpki.userAuthenticationCa();
        Path dir = jpki.directory().resolve("municipalities");
        Pem.write(
                dir.resolve("992020.key.pem"),
                new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(rsa.privateKey(), null));
        Pem.write(dir.resolve("992020.crt.pem"), rsa.certificate());
        Credential migrated = CenterPki.open(SimulatorPki.open(data)).municipality("992020", "青葉市");
        assertThat(migrated.certificate().getPublicKey()).isInstanceOf(java.security.interfaces.EdECPublicKey.class);
        assertThat(Pem.readCertificate(dir.resolve("992020.crt.pem"))).isEqualTo(migrated.certificate());
    }

    @Test
    void kioskIdsThatCouldEscapeTheDirectoryAreRefused(@TempDir Path data) {
        CenterPki pki = CenterPki.open(SimulatorPki.open(data));
        assertThatThrownBy(() -> pki.kiosk("../evil")).isInstanceOf(PkiException.class);
    }
}
