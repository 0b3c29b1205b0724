package jp.madoguchi.sim.center.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.sim.center.rules.Refusal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks the JPKI responder over HTTP whether a card certificate is revoked (RFC 6960 OCSP with a
 * nonce, answer signature checked against the CA), and falls back to the CRL when OCSP fails.
 * "Good" answers are cached for 45–75 s; a revocation through the admin API drops the
 * cache at once.
 */
public final class RevocationChecker {
    /**
     * A "good" answer is kept for 45 to 75 s, each for a random time in that range: with one fixed
     * time, the answers of every card met in the same minute expired together, and their OCSP
     * requests (an RSA signature of the responder each, and code the JIT had let go cold) came
     * as one burst that stalled every transaction in flight (the bench's p99 went from under
     * 100 ms to 135-200 ms in the runs that measured during such a minute).
     */
    static final Duration GOOD_FOR_LEAST = Duration.ofSeconds(45);

    static final Duration GOOD_FOR_SPREAD = Duration.ofSeconds(30);

    private final X509Certificate ca;
    private final X509CertificateHolder caHolder;
    private final URI ocspUrl;
    private final URI crlUrl;
    private final Clock clock;
    /** Made on first use or by {@link #prepare()}: building it loads the JVM's TLS defaults, slow for start-up. */
    private HttpClient http;

    private final DigestCalculatorProvider digests;
    private final Map<BigInteger, Instant> goodUntil = new ConcurrentHashMap<>();
    private volatile X509CRL crl;

    public RevocationChecker(X509Certificate ca, URI ocspUrl, URI crlUrl, Clock clock) {
        this.ca = ca;
        this.ocspUrl = ocspUrl;
        this.crlUrl = crlUrl;
        this.clock = clock;
        try {
            this.caHolder = new JcaX509CertificateHolder(ca);
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot set up revocation checks: " + e.getMessage(), e);
        }
    }

    /** Builds the HTTP client now (call it off the start-up path; the first check would otherwise). */
    public void prepare() {
        http();
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return http;
    }

    /** Forgets cached answers (called on every revocation). */
    public void invalidate() {
        goodUntil.clear();
        crl = null;
    }

    /** Returns if {@code cert} is not revoked; refuses with CERT_REVOKED, or CENTER_UNAVAILABLE when unknown. */
    public void check(X509Certificate cert) {
        Instant now = clock.instant();
        Instant cached = goodUntil.get(cert.getSerialNumber());
        if (cached != null && now.isBefore(cached)) {
            return;
        }
        Boolean revoked;
        try {
            revoked = askOcsp(cert);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(ErrorCode.CENTER_UNAVAILABLE, "interrupted during the revocation check");
        } catch (Exception e) {
            // Any OCSP failure (transport, encoding, signature) falls back to the CRL.
            revoked = null;
        }
        if (revoked == null) {
            revoked = askCrl(cert);
        }
        if (revoked) {
            goodUntil.remove(cert.getSerialNumber());
            throw new Refusal(ErrorCode.CERT_REVOKED, "the card certificate is revoked");
        }
        long spreadMillis = java.util.concurrent.ThreadLocalRandom.current().nextLong(GOOD_FOR_SPREAD.toMillis() + 1);
        goodUntil.put(cert.getSerialNumber(), now.plus(GOOD_FOR_LEAST).plusMillis(spreadMillis));
    }

    /** True revoked, false good, null when OCSP gave no usable answer. */
    private Boolean askOcsp(X509Certificate cert) throws Exception {
        CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), caHolder, cert.getSerialNumber());
        byte[] nonce = new byte[16];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(nonce);
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        builder.setRequestExtensions(new Extensions(
                new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))));
        HttpResponse<byte[]> response = http().send(
                        HttpRequest.newBuilder(ocspUrl)
                                .timeout(Duration.ofSeconds(3))
                                .header("Content-Type", "application/ocsp-request")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        builder.build().getEncoded()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            return null;
        }
        OCSPResp resp = new OCSPResp(response.body());
        if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
            return null;
        }
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.getPublicKey()))) {
            return null;
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null
                || !java.util.Arrays.equals(
                        DEROctetString.getInstance(echoed.getParsedValue()).getOctets(), nonce)) {
            return null;
        }
        for (SingleResp single : basic.getResponses()) {
            if (single.getCertID().equals(id)) {
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return false;
                }
                if (status instanceof RevokedStatus) {
                    return true;
                }
                return null;
            }
        }
        return null;
    }

    private boolean askCrl(X509Certificate cert) {
        X509CRL current = crl;
        Instant now = clock.instant();
        if (current == null
                || current.getNextUpdate() == null
                || now.isAfter(current.getNextUpdate().toInstant())) {
            try {
                HttpResponse<byte[]> response = http().send(
                                HttpRequest.newBuilder(crlUrl)
                                        .timeout(Duration.ofSeconds(3))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("CRL answered " + response.statusCode());
                }
                current = (X509CRL)
                        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
                current.verify(ca.getPublicKey());
                crl = current;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refusal(ErrorCode.CENTER_UNAVAILABLE, "interrupted during the revocation check");
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new Refusal(ErrorCode.CENTER_UNAVAILABLE, "revocation status unknown: OCSP and CRL both failed");
            }
        }
        return current.isRevoked(cert);
    }
}
