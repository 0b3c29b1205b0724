package jp.madoguchi.center.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jp.madoguchi.center.CenterException;
import jp.madoguchi.center.CenterSession;
import jp.madoguchi.center.VerifiedDocument;
import jp.madoguchi.center.protocol.DocumentMetadata;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.IssuedDocument;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.Protocol;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcEdDSAContentVerifierProviderBuilder;

/**
 * Checks a document before the kiosk may print it: the municipality's CMS signature over the
 * metadata, the municipality certificate's chain to the pinned trust anchor and its municipality
 * code, and that the metadata binds the document to THIS issuance, session, kiosk and card
 * certificate, to the ordered item, and to the exact content bytes (type, length, SHA-256).
 */
public final class DocumentVerifier {
    private final X509Certificate trustAnchor;
    private final String kioskId;
    private final int maxDocumentBytes;
    private final ObjectMapper json;
    /** Municipality certificates already chained to the anchor (by DER). */
    private final ConcurrentMap<CertificateKey, Signer> chained = new ConcurrentHashMap<>();

    public DocumentVerifier(X509Certificate trustAnchor, String kioskId, int maxDocumentBytes, ObjectMapper json) {
        this.trustAnchor = trustAnchor;
        this.kioskId = kioskId;
        this.maxDocumentBytes = maxDocumentBytes;
        this.json = json;
    }

    /**
     * Verifies one document of issuance {@code issuanceId} answering {@code items} in {@code session}.
     *
     * @throws CenterException with {@link ErrorCode#DOCUMENT_INVALID} naming the failed check
     */
    public VerifiedDocument verify(
            IssuedDocument document, String issuanceId, CenterSession session, List<OrderItem> items) {
        if (!Protocol.PDF.equals(document.contentType())) {
            throw invalid(document, "content type is " + document.contentType() + ", expected " + Protocol.PDF);
        }
        byte[] content = document.content();
        if (content.length > maxDocumentBytes) {
            throw invalid(document, "content is " + content.length + " bytes, over the limit of " + maxDocumentBytes);
        }
        if (content.length < 5
                || !new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw invalid(document, "content is not a PDF");
        }
        byte[] metadataBytes = document.metadata();
        byte[] signature = document.signature();
        Signer signer = verifySignature(document, metadataBytes, signature);

        DocumentMetadata m;
        try {
            m = json.readValue(metadataBytes, DocumentMetadata.class);
        } catch (IOException e) {
            throw invalid(
                    document,
                    "signed metadata is not valid JSON: " + e.getClass().getSimpleName());
        }
        check(document, m.version() == Protocol.METADATA_VERSION, "metadata version " + m.version());
        check(document, m.documentId().equals(document.documentId()), "metadata names another document");
        check(document, m.issuanceId().equals(issuanceId), "document belongs to another issuance");
        check(document, m.sessionId().equals(session.sessionId()), "document is bound to another session");
        check(document, m.kioskId().equals(kioskId), "document is bound to another kiosk");
        check(
                document,
                m.cardCertificateSha256().equalsIgnoreCase(session.cardCertificateSha256()),
                "document is bound to another card certificate");
        MenuItem menuItem = session.menu()
                .item(m.type())
                .orElseThrow(() -> invalid(document, "document type is not on the session's menu"));
        check(
                document,
                m.municipalityCode().equals(menuItem.municipalityCode()),
                "document is from another municipality");
        check(
                document,
                m.municipalityCode().equals(signer.municipalityCode()),
                "document is signed by another municipality's certificate");
        check(document, m.contentType().equals(document.contentType()), "content type differs from the signed one");
        check(document, m.contentLength() == content.length, "content length differs from the signed one");
        check(
                document,
                m.contentSha256().equalsIgnoreCase(Digests.sha256Hex(content)),
                "content differs from the signed content");
        check(document, m.pages() >= 1, "document has no pages");
        check(document, m.itemIndex() >= 0 && m.itemIndex() < items.size(), "document answers no ordered item");
        OrderItem item = items.get(m.itemIndex());
        check(document, m.type() == item.type(), "document type differs from the order");
        check(document, m.scope() == item.scope(), "document scope differs from the order");
        check(
                document,
                m.options().size() == item.options().size() && m.options().containsAll(item.options()),
                "document options differ from the order");
        check(document, m.copies() == item.copies(), "document copies differ from the order");
        check(
                document,
                java.util.Objects.equals(m.fiscalYear(), item.fiscalYear()),
                "document fiscal year differs from the order");
        check(document, menuItem.feeYen() == m.feeYenPerCopy(), "document fee differs from the session menu");
        try {
            signer.certificate().checkValidity(Date.from(m.issuedAt()));
        } catch (CertificateException e) {
            throw invalid(document, "municipality certificate was not valid when the document was issued");
        }
        return new VerifiedDocument(m, content, metadataBytes, signature);
    }

    private Signer verifySignature(IssuedDocument document, byte[] metadata, byte[] signature) {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(metadata), signature);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            check(document, signers.size() == 1, "expected exactly one signer, found " + signers.size());
            SignerInformation signerInfo = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signerInfo.getSID());
            check(document, matches.size() == 1, "the signature does not carry its signer's certificate");
            Signer signer = chainToAnchor(document, matches.iterator().next());
            boolean ok = signerInfo.verify(signer.verifier());
            check(document, ok, "the municipality signature does not verify");
            return signer;
        } catch (CMSException | CertificateException e) {
            throw invalid(document, "the municipality signature does not verify: " + e.getMessage());
        }
    }

    /**
     * A municipality certificate already chained to the anchor, with its code and a reusable
     * signature verifier: building these per document cost more than the signature check itself.
     */
    private record Signer(X509Certificate certificate, String municipalityCode, SignerInformationVerifier verifier) {}

    private Signer chainToAnchor(IssuedDocument document, X509CertificateHolder holder) throws CertificateException {
        byte[] encoded;
        try {
            encoded = holder.getEncoded();
        } catch (IOException e) {
            throw invalid(document, "unreadable signer certificate");
        }
        CertificateKey key = new CertificateKey(encoded);
        Signer known = chained.get(key);
        if (known != null) {
            return known;
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
        check(
                document,
                cert.getIssuerX500Principal().equals(trustAnchor.getSubjectX500Principal()),
                "the municipality certificate is not issued by the center's trust anchor");
        try {
            cert.verify(trustAnchor.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw invalid(document, "the municipality certificate does not chain to the center's trust anchor");
        }
        boolean[] usage = cert.getKeyUsage();
        check(document, usage != null && (usage[0] || usage[1]), "the municipality certificate is not for signatures");
        check(document, cert.getBasicConstraints() < 0, "the signer certificate is a CA certificate");
        Signer signer;
        try {
            signer = new Signer(cert, municipalityCodeOf(cert), verifierFor(cert, holder));
        } catch (OperatorCreationException e) {
            throw invalid(document, "the municipality certificate's key cannot verify signatures: " + e.getMessage());
        }
        chained.put(key, signer);
        return signer;
    }

    /** Ed25519 through BouncyCastle's own implementation (the JDK's is ten times slower); others through the JCA. */
    private static SignerInformationVerifier verifierFor(X509Certificate cert, X509CertificateHolder holder)
            throws OperatorCreationException {
        if (EdECObjectIdentifiers.id_Ed25519.equals(
                holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm())) {
            return new SignerInformationVerifier(
                    new DefaultCMSSignatureAlgorithmNameGenerator(),
                    new DefaultSignatureAlgorithmIdentifierFinder(),
                    new BcEdDSAContentVerifierProviderBuilder().build(holder),
                    new BcDigestCalculatorProvider());
        }
        return new JcaSimpleSignerInfoVerifierBuilder().build(cert);
    }

    /** A certificate's DER bytes as a map key. */
    private record CertificateKey(byte[] der) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CertificateKey k && java.util.Arrays.equals(der, k.der);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(der);
        }
    }

    private static String municipalityCodeOf(X509Certificate cert) {
        RDN[] rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.SERIALNUMBER);
        return rdns.length == 0
                ? ""
                : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static void check(IssuedDocument document, boolean condition, String failure) {
        if (!condition) {
            throw invalid(document, failure);
        }
    }

    private static CenterException invalid(IssuedDocument document, String failure) {
        return new CenterException(
                ErrorCode.DOCUMENT_INVALID, "document " + document.documentId() + " refused: " + failure);
    }
}
