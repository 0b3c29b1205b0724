package jp.madoguchi.center.protocol;

/**
 * One signed document: its content (base64; a PDF), its metadata as the exact signed bytes
 * (base64 of UTF-8 JSON of {@link DocumentMetadata}), and the municipality's detached CMS
 * signature over those metadata bytes (base64 DER; it carries the municipality certificate).
 * The metadata holds the SHA-256 of the content, so one signature covers both.
 */
public record IssuedDocument(String documentId, String contentType, String content, String metadata, String signature) {
    public IssuedDocument {
        Required.text(documentId, "documentId");
        Required.text(contentType, "contentType");
        Required.text(content, "content");
        Required.text(metadata, "metadata");
        Required.text(signature, "signature");
    }
}
