package jp.madoguchi.center.protocol;

/** A type the resident may not order now, with the reason (a resident-facing error code). */
public record UnavailableItem(CertificateType type, ErrorCode reason) {
    public UnavailableItem {
        Required.field(type, "type");
        Required.field(reason, "reason");
    }
}
