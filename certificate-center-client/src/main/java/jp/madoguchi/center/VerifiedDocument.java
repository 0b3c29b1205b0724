package jp.madoguchi.center;

import java.util.Arrays;
import jp.madoguchi.center.protocol.DocumentMetadata;

/**
 * A document whose municipality signature, chain, session and card binding, type and size were
 * checked. The content lives only in memory; call {@link #wipe()} after printing.
 */
public final class VerifiedDocument {
    private final DocumentMetadata metadata;
    private final byte[] content;
    private final byte[] signedMetadata;
    private final byte[] signature;

    public VerifiedDocument(DocumentMetadata metadata, byte[] content, byte[] signedMetadata, byte[] signature) {
        this.metadata = metadata;
        this.content = content;
        this.signedMetadata = signedMetadata;
        this.signature = signature;
    }

    public String documentId() {
        return metadata.documentId();
    }

    public DocumentMetadata metadata() {
        return metadata;
    }

    /** The PDF bytes (not a copy: do not keep references after {@link #wipe()}). */
    public byte[] content() {
        return content;
    }

    /** The exact metadata bytes the municipality signed (for a verification QR or a re-check). */
    public byte[] signedMetadata() {
        return signedMetadata.clone();
    }

    /** The municipality's detached CMS signature over {@link #signedMetadata()}, DER. */
    public byte[] signature() {
        return signature.clone();
    }

    /** Overwrites the content with zeros (privacy: documents never outlive printing). */
    public void wipe() {
        Arrays.fill(content, (byte) 0);
    }

    @Override
    public String toString() {
        return "VerifiedDocument[" + metadata.documentId() + ", " + metadata.type() + "]";
    }
}
