package jp.madoguchi.sim.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An RFC 6960 OCSP responder for the simulated JPKI user-authentication CA. Answers are signed by
 * the CA itself (allowed by RFC 6960 §4.2.2.2), "good" for certificates it does not know as
 * revoked, "revoked" with time and reason from the {@link RevocationStore}, and "unknown" for
 * certificates of another issuer. A request nonce is echoed.
 */
public final class OcspResponder {
    /** How long an answer may be cached by relying parties. */
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    private final CertificateAuthority ca;
    private final X509CertificateHolder caHolder;
    private final RevocationStore store;
    private final Clock clock;
    private final DigestCalculatorProvider digests;

    public OcspResponder(CertificateAuthority ca, RevocationStore store, Clock clock) {
        this.ca = ca;
        this.store = store;
        this.clock = clock;
        try {
            this.caHolder = new JcaX509CertificateHolder(ca.certificate());
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new PkiException("cannot set up the OCSP responder: " + e.getMessage(), e);
        }
    }

    /** Answers a DER OCSPRequest with a DER OCSPResponse (malformedRequest for garbage). */
    public byte[] respond(byte[] requestDer) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(requestDer);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder()
                        .build(OCSPRespBuilder.MALFORMED_REQUEST, null)
                        .getEncoded();
            }
            Date now = Date.from(clock.instant());
            Date next = Date.from(clock.instant().plus(VALIDITY));
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(caHolder.getSubject()));
            for (Req single : request.getRequestList()) {
                CertificateID id = single.getCertID();
                builder.addResponse(id, statusOf(id), now, next, null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            var basic = builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey()),
                    new X509CertificateHolder[] {caHolder},
                    now);
            return new OCSPRespBuilder()
                    .build(OCSPRespBuilder.SUCCESSFUL, basic)
                    .getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            throw new PkiException("the OCSP responder could not sign an answer: " + e.getMessage(), e);
        }
    }

    /** The status of one serial of this CA, as the responder would answer it. */
    public CertificateStatus statusOf(BigInteger serial) {
        Optional<Revocation> r = store.find(serial);
        return r.<CertificateStatus>map(rev -> new RevokedStatus(Date.from(rev.revokedAt()), rev.reason()))
                .orElse(CertificateStatus.GOOD);
    }

    private CertificateStatus statusOf(CertificateID id) throws OCSPException {
        if (!id.matchesIssuer(caHolder, digests)) {
            return new UnknownStatus();
        }
        return statusOf(id.getSerialNumber());
    }

    /** The reason code used by the admin API when none is given. */
    public static int defaultReason() {
        return CRLReason.keyCompromise;
    }
}
