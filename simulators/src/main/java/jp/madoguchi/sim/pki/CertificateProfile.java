package jp.madoguchi.sim.pki;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What a certificate to be issued says: subject, key, serial, validity, usage, and where its
 * revocation status is published.
 */
public record CertificateProfile(
        X500Name subject,
        PublicKey publicKey,
        BigInteger serial,
        Instant notBefore,
        Instant notAfter,
        boolean authority,
        int keyUsage,
        List<KeyPurposeId> extendedKeyUsages,
        List<String> dnsNames,
        String crlUrl,
        String ocspUrl) {

    /** An end-entity signing certificate (digitalSignature) without revocation pointers. */
    public CertificateProfile(
            X500Name subject, PublicKey publicKey, BigInteger serial, Instant notBefore, Instant notAfter) {
        this(
                subject,
                publicKey,
                serial,
                notBefore,
                notAfter,
                false,
                KeyUsage.digitalSignature,
                List.of(),
                List.of(),
                null,
                null);
    }

    public CertificateProfile asAuthority() {
        return new CertificateProfile(
                subject,
                publicKey,
                serial,
                notBefore,
                notAfter,
                true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature,
                extendedKeyUsages,
                dnsNames,
                crlUrl,
                ocspUrl);
    }

    public CertificateProfile withKeyUsage(int usage) {
        return new CertificateProfile(
                subject,
                publicKey,
                serial,
                notBefore,
                notAfter,
                authority,
                usage,
                extendedKeyUsages,
                dnsNames,
                crlUrl,
                ocspUrl);
    }

    public CertificateProfile withExtendedKeyUsages(List<KeyPurposeId> usages) {
        return new CertificateProfile(
                subject,
                publicKey,
                serial,
                notBefore,
                notAfter,
                authority,
                keyUsage,
                List.copyOf(usages),
                dnsNames,
                crlUrl,
                ocspUrl);
    }

    public CertificateProfile withDnsNames(List<String> names) {
        return new CertificateProfile(
                subject,
                publicKey,
                serial,
                notBefore,
                notAfter,
                authority,
                keyUsage,
                extendedKeyUsages,
                List.copyOf(names),
                crlUrl,
                ocspUrl);
    }

    public CertificateProfile withRevocationPointers(String crl, String ocsp) {
        return new CertificateProfile(
                subject,
                publicKey,
                serial,
                notBefore,
                notAfter,
                authority,
                keyUsage,
                extendedKeyUsages,
                dnsNames,
                crl,
                ocsp);
    }
}
