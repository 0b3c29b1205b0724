package jp.madoguchi.sim.pki;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CRL of the simulated JPKI user-authentication CA (the fallback when OCSP fails), signed by
 * the CA, rebuilt when a revocation is added or the current one is half-way to its next update.
 */
public final class RevocationList {
    public static final Duration VALIDITY = Duration.ofHours(1);

    private final CertificateAuthority ca;
    private final RevocationStore store;
    private final Clock clock;
    private byte[] der;
    private long builtAtVersion = -1;
    private Instant builtAt = Instant.EPOCH;

    public RevocationList(CertificateAuthority ca, RevocationStore store, Clock clock) {
        this.ca = ca;
        this.store = store;
        this.clock = clock;
    }

    /** The current CRL, DER. */
    public synchronized byte[] current() {
        Instant now = clock.instant();
        if (der == null
                || builtAtVersion != store.version()
                || now.isAfter(builtAt.plus(VALIDITY.dividedBy(2)))
                || now.isBefore(builtAt)) {
            der = build(now);
            builtAtVersion = store.version();
            builtAt = now;
        }
        return der;
    }

    private byte[] build(Instant now) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(
                            ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
            for (Revocation r : store.all()) {
                builder.addCRLEntry(r.serial(), Date.from(r.revokedAt()), r.reason());
            }
            builder.addExtension(
                    Extension.cRLNumber, false, new CRLNumber(java.math.BigInteger.valueOf(now.getEpochSecond())));
            X509CRLHolder crl = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey()));
            return crl.getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new PkiException("could not sign the CRL: " + e.getMessage(), e);
        }
    }
}
