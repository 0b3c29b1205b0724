package jp.madoguchi.sim.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of the simulators: its certificate and private key, persisted as
 * {@code <name>.crt.pem} and {@code <name>.key.pem} in a directory, created on first use.
 */
public final class CertificateAuthority {
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    public CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /**
     * Loads the authority {@code name} from {@code dir}, or creates a self-signed one valid for
     * {@code years} and saves it there.
     */
    public static CertificateAuthority loadOrCreate(Path dir, String name, String subject, int years) {
        Path certFile = dir.resolve(name + ".crt.pem");
        Path keyFile = dir.resolve(name + ".key.pem");
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            return new CertificateAuthority(Pem.readCertificate(certFile), Pem.readPrivateKey(keyFile));
        }
        KeyPair keys = SeededKeys.randomRsa2048();
        Instant now = Instant.now();
        X500Name dn = new X500Name(subject);
        X509Certificate cert = sign(
                new CertificateProfile(
                                dn,
                                keys.getPublic(),
                                serialFor(subject + now),
                                now,
                                now.plusSeconds(years * 366L * 86400))
                        .asAuthority(),
                dn,
                keys.getPublic(),
                keys.getPrivate());
        Pem.write(keyFile, keys.getPrivate());
        Pem.write(certFile, cert);
        return new CertificateAuthority(cert, keys.getPrivate());
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The private key; only simulators that sign (OCSP, CRL, issuing) use it. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Issues a certificate for {@code profile}, signed by this authority (SHA256withRSA). */
    public X509Certificate issue(CertificateProfile profile) {
        return sign(
                profile,
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                certificate.getPublicKey(),
                privateKey);
    }

    /** A positive 63-bit serial derived from a text, so that re-issuing gives the same serial. */
    public static BigInteger serialFor(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, java.util.Arrays.copyOf(hash, 8))
                    .shiftRight(1)
                    .add(BigInteger.ONE);
        } catch (GeneralSecurityException e) {
            throw new PkiException("SHA-256 is not available", e);
        }
    }

    private static X509Certificate sign(
            CertificateProfile p, X500Name issuer, PublicKey issuerKey, PrivateKey signingKey) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer, p.serial(), Date.from(p.notBefore()), Date.from(p.notAfter()), p.subject(), p.publicKey());
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(p.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerKey));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(p.authority()));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(p.keyUsage()));
            if (!p.extendedKeyUsages().isEmpty()) {
                builder.addExtension(
                        Extension.extendedKeyUsage,
                        false,
                        new ExtendedKeyUsage(p.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
            }
            if (!p.dnsNames().isEmpty()) {
                GeneralName[] names = p.dnsNames().stream()
                        .map(n -> n.matches("[0-9.]+")
                                ? new GeneralName(GeneralName.iPAddress, n)
                                : new GeneralName(GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            if (p.crlUrl() != null) {
                DistributionPoint point = new DistributionPoint(
                        new DistributionPointName(
                                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, p.crlUrl()))),
                        null,
                        null);
                builder.addExtension(
                        Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
            }
            if (p.ocspUrl() != null) {
                builder.addExtension(
                        Extension.authorityInfoAccess,
                        false,
                        new AuthorityInformationAccess(new AccessDescription(
                                AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, p.ocspUrl()))));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new PkiException("could not issue certificate for " + p.subject() + ": " + e.getMessage(), e);
        }
    }
}
