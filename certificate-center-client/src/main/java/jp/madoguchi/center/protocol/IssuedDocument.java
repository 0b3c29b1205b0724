package jp.madoguchi.center.protocol;

import java.util.Arrays;

/**
 * One signed document: its content (a PDF), its metadata as the exact signed bytes (UTF-8 JSON of
 * {@link DocumentMetadata}), and the municipality's detached CMS signature over those metadata
 * bytes (DER; it carries the municipality certificate). The metadata holds the SHA-256 of the
 * content, so one signature covers both. On the wire each byte field is a base64 string; Jackson
 * encodes and decodes them straight from and into the arrays, so the PDF never exists as an
 * immutable {@code String} that could not be wiped after printing.
 */
public record IssuedDocument(String documentId, String contentType, byte[] content, byte[] metadata, byte[] signature) {
    public IssuedDocument {
        Required.text(documentId, "documentId");
        Required.text(contentType, "contentType");
        Required.bytes(content, "content");
        Required.bytes(metadata, "metadata");
        Required.bytes(signature, "signature");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuedDocument d
                && documentId.equals(d.documentId)
                && contentType.equals(d.contentType)
                && Arrays.equals(content, d.content)
                && Arrays.equals(metadata, d.metadata)
                && Arrays.equals(signature, d.signature);
    }

    @Override
    public int hashCode() {
        return documentId.hashCode();
    }

    /** Ids and sizes only: the content is personal data. */
    @Override
    public String toString() {
        return "IssuedDocument[" + documentId + ", " + contentType + ", " + content.length + " bytes]";
    }
}
