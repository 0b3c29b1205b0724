package jp.madoguchi.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import jp.madoguchi.center.KioskCredentials;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The files a kiosk needs to talk to a real center over mutual TLS, in {@code center.trustDir}
 * as the center's PKI hands them out (the center simulator writes the same layout):
 *
 * <ul>
 *   <li>{@code center-ca.crt.pem}: the center CA, pinned for TLS and the anchor of the
 *       municipalities' document signatures;
 *   <li>{@code kiosks/<kioskId>.crt.pem} and {@code kiosks/<kioskId>.key.pem}: this kiosk's
 *       client certificate and its key (PKCS#8 or traditional PEM, unencrypted; the directory is
 *       readable by the kiosk user only).
 * </ul>
 */
record CenterTrustDirectory(X509Certificate centerCa, KioskCredentials credentials) {

    /** Reads the center CA and kiosk {@code kioskId}'s credentials; a clear error names a missing or bad file. */
    static CenterTrustDirectory read(Path dir, String kioskId) {
        if (dir == null) {
            throw invalid("center.trustDir is not set: point it at the directory with center-ca.crt.pem and kiosks/");
        }
        X509Certificate ca = certificate(dir.resolve("center-ca.crt.pem"));
        X509Certificate leaf = certificate(dir.resolve("kiosks").resolve(kioskId + ".crt.pem"));
        PrivateKey key = privateKey(dir.resolve("kiosks").resolve(kioskId + ".key.pem"));
        if (!leaf.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw invalid("kiosks/" + kioskId + ".crt.pem in " + dir + " was not issued by center-ca.crt.pem:"
                    + " ask the center for this kiosk's certificate");
        }
        return new CenterTrustDirectory(ca, new KioskCredentials(kioskId, key, List.of(leaf, ca)));
    }

    private static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw invalid(file + " is missing (center.trustDir)");
        } catch (IOException | CertificateException | ClassCastException e) {
            throw invalid(file + " is not a PEM X.509 certificate (center.trustDir)");
        }
    }

    private static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw invalid(file + " holds no unencrypted private key (center.trustDir)");
        } catch (NoSuchFileException e) {
            throw invalid(file + " is missing (center.trustDir)");
        } catch (IOException e) {
            // The message of a parse failure could quote key material: say only which file.
            throw invalid(file + " is not a readable PEM private key (center.trustDir)");
        }
    }

    private static KioskException invalid(String message) {
        return new KioskException(KioskErrorCode.CONFIGURATION_INVALID, message);
    }
}
