package jp.madoguchi.sim.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The PKI that the card and center simulators share through {@code <data>/pki/}:
 *
 * <ul>
 *   <li>{@code jpki-auth-ca.crt.pem|key.pem}: the simulated JPKI user-authentication CA, issuer of
 *       the cards' user-auth certificates (EF 000A; its certificate is EF 000B);
 *   <li>{@code jpki-sign-ca.crt.pem|key.pem}: the simulated JPKI signing CA (EF 0001 / 0002);
 *   <li>{@code pki.properties}: where revocation is published ({@code ocsp.url}, {@code
 *       auth.crl.url}, {@code sign.crl.url}); the center simulator serves these URLs.
 * </ul>
 *
 * The center simulator adds its own files beside these (center CA, server and kiosk client
 * certificates, municipality signing certificates). A card's user-auth certificate carries the
 * synthetic resident id in the subject's serialNumber attribute: this is how the center
 * simulator maps a certificate to a resident (a real center keeps that mapping in its registry).
 */
public final class SimulatorPki {
    /** Default base of the revocation URLs: the center simulator's plain-HTTP PKI listener. */
    public static final String DEFAULT_PKI_BASE_URL = "http://127.0.0.1:8080/pki";

    private final Path dir;
    private final Properties properties;
    private final CertificateAuthority authCa;
    private final CertificateAuthority signCa;

    private SimulatorPki(Path dir, Properties properties, CertificateAuthority authCa, CertificateAuthority signCa) {
        this.dir = dir;
        this.properties = properties;
        this.authCa = authCa;
        this.signCa = signCa;
    }

    /** Opens the PKI under {@code dataDir/pki}, creating what is missing (first start). */
    public static SimulatorPki open(Path dataDir) {
        Path dir = dataDir.resolve("pki");
        Properties properties = loadOrCreateProperties(dir.resolve("pki.properties"));
        CertificateAuthority auth = CertificateAuthority.loadOrCreate(
                dir,
                "jpki-auth-ca",
                "C=JP,O=Madoguchi Simulated JPKI,OU=User Authentication CA,CN=Simulated JPKI User Authentication CA",
                20);
        CertificateAuthority sign = CertificateAuthority.loadOrCreate(
                dir,
                "jpki-sign-ca",
                "C=JP,O=Madoguchi Simulated JPKI,OU=Digital Signature CA,CN=Simulated JPKI Signing CA",
                20);
        return new SimulatorPki(dir, properties, auth, sign);
    }

    /** The {@code pki} directory itself, for simulators that keep their own files there. */
    public Path directory() {
        return dir;
    }

    public CertificateAuthority userAuthenticationCa() {
        return authCa;
    }

    public CertificateAuthority signingCa() {
        return signCa;
    }

    public String ocspUrl() {
        return properties.getProperty("ocsp.url");
    }

    public String authCrlUrl() {
        return properties.getProperty("auth.crl.url");
    }

    public String signCrlUrl() {
        return properties.getProperty("sign.crl.url");
    }

    /**
     * Issues the user-authentication certificate of a simulated card. Same resident, key and
     * validity give the same certificate bytes (deterministic serial, RSA PKCS#1 v1.5).
     */
    public X509Certificate issueUserAuthCertificate(
            String residentId, PublicKey cardKey, Instant notBefore, Instant notAfter) {
        CertificateProfile profile = new CertificateProfile(
                        cardSubject(residentId, "auth"),
                        cardKey,
                        CertificateAuthority.serialFor("auth:" + residentId + ":" + notBefore),
                        notBefore,
                        notAfter)
                .withKeyUsage(KeyUsage.digitalSignature)
                .withRevocationPointers(authCrlUrl(), ocspUrl());
        return authCa.issue(profile);
    }

    /** Issues the signing certificate of a simulated card (non-repudiation). */
    public X509Certificate issueSigningCertificate(
            String residentId, PublicKey cardKey, Instant notBefore, Instant notAfter) {
        CertificateProfile profile = new CertificateProfile(
                        cardSubject(residentId, "sign"),
                        cardKey,
                        CertificateAuthority.serialFor("sign:" + residentId + ":" + notBefore),
                        notBefore,
                        notAfter)
                .withKeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)
                .withRevocationPointers(signCrlUrl(), ocspUrl());
        return signCa.issue(profile);
    }

    /** The synthetic resident id a simulated card certificate was issued for, or null. */
    public static String residentIdOf(X509Certificate certificate) {
        org.bouncycastle.asn1.x500.X500Name name = org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(BCStyle.SERIALNUMBER);
        return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
    }

    private static org.bouncycastle.asn1.x500.X500Name cardSubject(String residentId, String use) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, "Madoguchi Simulated JPKI")
                .addRDN(
                        BCStyle.CN,
                        "SIM-" + use.toUpperCase(java.util.Locale.ROOT) + "-"
                                + CertificateAuthority.serialFor(use + residentId)
                                        .toString(16)
                                        .toUpperCase(java.util.Locale.ROOT))
                .addRDN(BCStyle.SERIALNUMBER, residentId)
                .build();
    }

    private static Properties loadOrCreateProperties(Path file) {
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
            }
            boolean changed = false;
            changed |= putDefault(properties, "ocsp.url", DEFAULT_PKI_BASE_URL + "/ocsp");
            changed |= putDefault(properties, "auth.crl.url", DEFAULT_PKI_BASE_URL + "/crl/jpki-auth.crl");
            changed |= putDefault(properties, "sign.crl.url", DEFAULT_PKI_BASE_URL + "/crl/jpki-sign.crl");
            if (changed) {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    properties.store(out, "Madoguchi simulator PKI: where revocation status is published");
                }
            }
            return properties;
        } catch (IOException e) {
            throw new PkiException("could not read or write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean putDefault(Properties properties, String key, String value) {
        if (properties.getProperty(key) == null) {
            properties.setProperty(key, value);
            return true;
        }
        return false;
    }
}
