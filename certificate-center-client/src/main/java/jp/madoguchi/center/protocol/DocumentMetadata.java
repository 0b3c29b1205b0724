package jp.madoguchi.center.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What the municipality signs for each document: the binding document → issuance → session →
 * kiosk → card certificate (SHA-256 of its DER, hex), what it is (type, scope, options, copies,
 * pages, fee, and for the tax certificate the fiscal year 年度) and the content's type, length and
 * SHA-256 (hex). It holds no personal data, so it can be journaled and carried in a verification
 * QR code.
 */
public record DocumentMetadata(
        int version,
        String documentId,
        String documentNumber,
        String issuanceId,
        String sessionId,
        String kioskId,
        String cardCertificateSha256,
        String municipalityCode,
        CertificateType type,
        IssuanceScope scope,
        List<CertificateOption> options,
        int itemIndex,
        int copies,
        int pages,
        int feeYenPerCopy,
        Instant issuedAt,
        String contentType,
        long contentLength,
        String contentSha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer fiscalYear) {
    public DocumentMetadata {
        Required.text(documentId, "documentId");
        Required.text(documentNumber, "documentNumber");
        Required.text(issuanceId, "issuanceId");
        Required.text(sessionId, "sessionId");
        Required.text(kioskId, "kioskId");
        Required.text(cardCertificateSha256, "cardCertificateSha256");
        Required.text(municipalityCode, "municipalityCode");
        Required.field(type, "type");
        Required.field(scope, "scope");
        options = Required.list(options);
        Required.field(issuedAt, "issuedAt");
        Required.text(contentType, "contentType");
        Required.text(contentSha256, "contentSha256");
        FiscalYears.checkOrdered(type, fiscalYear);
    }

    /** Metadata of a document without a fiscal year (every type but the tax certificate). */
    public DocumentMetadata(
            int version,
            String documentId,
            String documentNumber,
            String issuanceId,
            String sessionId,
            String kioskId,
            String cardCertificateSha256,
            String municipalityCode,
            CertificateType type,
            IssuanceScope scope,
            List<CertificateOption> options,
            int itemIndex,
            int copies,
            int pages,
            int feeYenPerCopy,
            Instant issuedAt,
            String contentType,
            long contentLength,
            String contentSha256) {
        this(
                version,
                documentId,
                documentNumber,
                issuanceId,
                sessionId,
                kioskId,
                cardCertificateSha256,
                municipalityCode,
                type,
                scope,
                options,
                itemIndex,
                copies,
                pages,
                feeYenPerCopy,
                issuedAt,
                contentType,
                contentLength,
                contentSha256,
                null);
    }

    /** Fee of all copies of this document. */
    public int feeYen() {
        return feeYenPerCopy * copies;
    }
}
