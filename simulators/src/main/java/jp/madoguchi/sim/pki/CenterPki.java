package jp.madoguchi.sim.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The issuance center's own PKI, beside the JPKI files in {@code <data>/pki/}:
 *
 * <ul>
 *   <li>{@code center-ca.crt.pem|key.pem}: the center CA. Kiosks pin it for TLS, and it is the
 *       trust anchor of municipality signing certificates;
 *   <li>{@code center-server.crt.pem|key.pem}: the center's TLS server certificate (127.0.0.1,
 *       localhost; EC P-256 for quick handshakes);
 *   <li>{@code kiosks/<kioskId>.crt.pem|key.pem}: one TLS client certificate per kiosk id, the
 *       id in the subject CN (EC P-256), made on first request;
 *   <li>{@code municipalities/<code>.crt.pem|key.pem}: each municipality's document-signing
 *       certificate (Ed25519: cheap to sign and to verify, which matters at hundreds of
 *       documents a second), the municipality code in the subject serialNumber.
 * </ul>
 *
 * Everything is created on first use and reused afterwards. A municipality certificate of an
 * older data directory with another key type (RSA-2048 before) is replaced by an Ed25519 one on
 * first use; documents signed earlier still verify, as their signatures carry their certificate.
 */
public final class CenterPki {
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final Duration LEAF_VALIDITY = Duration.ofDays(2 * 366);

    private final Path dir;
    private final CertificateAuthority ca;
    private final Map<String, Credential> kiosks = new ConcurrentHashMap<>();
    private final Map<String, Credential> municipalities = new ConcurrentHashMap<>();
    private volatile Credential server;

    private CenterPki(Path dir, CertificateAuthority ca) {
        this.dir = dir;
        this.ca = ca;
    }

    /** Opens (or creates) the center PKI in the directory of {@code pki}. */
    public static CenterPki open(SimulatorPki pki) {
        Path dir = pki.directory();
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(
                dir, "center-ca", "C=JP,O=Madoguchi Simulated Issuance Center,CN=Simulated Issuance Center CA", 20);
        return new CenterPki(dir, ca);
    }

    /** The center CA certificate: pin it in kiosks; anchor of municipality certificates. */
    public X509Certificate centerCa() {
        return ca.certificate();
    }

    public Path centerCaFile() {
        return dir.resolve("center-ca.crt.pem");
    }

    /** The center's TLS server credential (SAN 127.0.0.1 and localhost). */
    public Credential server() {
        Credential s = server;
        if (s == null) {
            synchronized (this) {
                if (server == null) {
                    server = loadOrIssue(
                            dir,
                            "center-server",
                            new X500NameBuilder(BCStyle.INSTANCE)
                                    .addRDN(BCStyle.C, "JP")
                                    .addRDN(BCStyle.O, "Madoguchi Simulated Issuance Center")
                                    .addRDN(BCStyle.CN, "localhost")
                                    .build(),
                            KeyType.EC_P256,
                            profile -> profile.withKeyUsage(KeyUsage.digitalSignature)
                                    .withExtendedKeyUsages(List.of(KeyPurposeId.id_kp_serverAuth))
                                    .withDnsNames(List.of("localhost", "127.0.0.1")));
                }
                s = server;
            }
        }
        return s;
    }

    /** The TLS client credential of kiosk {@code kioskId}, issued on first request. */
    public Credential kiosk(String kioskId) {
        if (!KIOSK_ID.matcher(kioskId).matches()) {
            throw new PkiException("kiosk id '" + kioskId + "' is invalid: use 1-32 letters, digits or '-'");
        }
        return kiosks.computeIfAbsent(
                kioskId,
                id -> loadOrIssue(
                        dir.resolve("kiosks"),
                        id,
                        new X500NameBuilder(BCStyle.INSTANCE)
                                .addRDN(BCStyle.C, "JP")
                                .addRDN(BCStyle.O, "Madoguchi Simulated Issuance Center")
                                .addRDN(BCStyle.OU, "Kiosks")
                                .addRDN(BCStyle.CN, id)
                                .build(),
                        KeyType.EC_P256,
                        profile -> profile.withKeyUsage(KeyUsage.digitalSignature)
                                .withExtendedKeyUsages(List.of(KeyPurposeId.id_kp_clientAuth))));
    }

    /** The document-signing credential of municipality {@code code} ({@code name} for the CN). */
    public Credential municipality(String code, String name) {
        return municipalities.computeIfAbsent(
                code,
                c -> loadOrIssue(
                        dir.resolve("municipalities"),
                        c,
                        new X500NameBuilder(BCStyle.INSTANCE)
                                .addRDN(BCStyle.C, "JP")
                                .addRDN(BCStyle.O, "Madoguchi Simulated Issuance Center")
                                .addRDN(BCStyle.OU, "Municipal Certificate Servers")
                                .addRDN(BCStyle.CN, name + "長")
                                .addRDN(BCStyle.SERIALNUMBER, c)
                                .build(),
                        KeyType.ED25519,
                        profile -> profile.withKeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
    }

    /** The kiosk id in a kiosk client certificate (its subject CN), or null. */
    public static String kioskIdOf(X509Certificate certificate) {
        var rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.CN);
        return rdns.length == 0 ? null : rdns[0].getFirst().getValue().toString();
    }

    /**
     * Municipality signing certificates are valid from this instant, so that simulated clocks set
     * in the past (tests of hours and maintenance windows) still see them valid.
     */
    private static final Instant SIGNING_VALID_FROM = Instant.parse("2020-01-01T00:00:00Z");

    private Credential loadOrIssue(
            Path where,
            String name,
            X500Name subject,
            KeyType keyType,
            java.util.function.UnaryOperator<CertificateProfile> shape) {
        boolean tlsKey = keyType == KeyType.EC_P256;
        Path certFile = where.resolve(name + ".crt.pem");
        Path keyFile = where.resolve(name + ".key.pem");
        try {
            if (Files.exists(certFile) && Files.exists(keyFile)) {
                X509Certificate cert = Pem.readCertificate(certFile);
                if (cert.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(1)))
                        && keyType.matches(cert.getPublicKey())) {
                    return new Credential(
                            Pem.readPrivateKey(keyFile), List.of(cert, ca.certificate()), certFile, keyFile);
                }
            }
            Files.createDirectories(where);
            KeyPair keys = keyType.generate();
            Instant now = Instant.now().minus(Duration.ofMinutes(5));
            Instant from = tlsKey ? now : SIGNING_VALID_FROM;
            CertificateProfile profile = shape.apply(new CertificateProfile(
                    subject,
                    keys.getPublic(),
                    CertificateAuthority.serialFor(subject + "/" + now),
                    from,
                    now.plus(tlsKey ? LEAF_VALIDITY : LEAF_VALIDITY.multipliedBy(5))));
            X509Certificate cert = ca.issue(profile);
            // PKCS#8 ("PRIVATE KEY"), which reads back for EC keys too.
            Pem.write(keyFile, new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null));
            Pem.write(certFile, cert);
            return new Credential(keys.getPrivate(), List.of(cert, ca.certificate()), certFile, keyFile);
        } catch (IOException e) {
            throw new PkiException("could not store " + certFile + ": " + e.getMessage(), e);
        }
    }

    /** Key types of the center's leaf certificates. */
    private enum KeyType {
        /** TLS server and kiosk client certificates: quick handshakes. */
        EC_P256,
        /** Municipality document signing. */
        ED25519;

        KeyPair generate() {
            try {
                if (this == EC_P256) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    return generator.generateKeyPair();
                }
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new PkiException(name() + " key generation is not available: " + e.getMessage(), e);
            }
        }

        boolean matches(java.security.PublicKey key) {
            if (this == EC_P256) {
                return key instanceof java.security.interfaces.ECPublicKey;
            }
            return key instanceof java.security.interfaces.EdECPublicKey ed
                    && ed.getParams().getName().equals("Ed25519");
        }
    }
}
