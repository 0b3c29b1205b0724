package jp.madoguchi.printer.seal;

import java.security.cert.X509Certificate;

/** Builds seal texts that a forger could make: the real signature over changed data. */
final class SealPayloadTamper {
    private SealPayloadTamper() {}

    /** The seal's text with another document id but the original signature. */
    static String withDocumentId(SealPayload seal, String documentId, X509Certificate issuer) {
        CertificateMetadata m = seal.metadata();
        SealPayload changed = SealPayload.sign(
                new CertificateMetadata(documentId, m.issuerId(), m.issueDate()),
                seal.page(),
                seal.pageCount(),
                seal.pageDigest(),
                new ReplaySigner(seal, issuer));
        return changed.toQrText();
    }

    /** A "signer" that returns the original seal's signature for any data. */
    private record ReplaySigner(SealPayload original, X509Certificate certificate) implements SealSigner {
        @Override
        public String algorithm() {
            return original.algorithm();
        }

        @Override
        public byte[] sign(byte[] signedBytes) {
            return original.signature();
        }
    }
}
