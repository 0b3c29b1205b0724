package jp.madoguchi.center.protocol;

/**
 * Wire codes of the center's refusals and of the client's own failures. Each code has a
 * resident-facing message (ja/en) under {@link #messageKey()} in the client's resource bundle
 * {@code jp.madoguchi.center.messages}; the message says what the resident should do.
 */
public enum ErrorCode {
    /** The card's user-authentication certificate has been revoked. */
    CERT_REVOKED(false),
    /** The card's user-authentication certificate is outside its validity period. */
    CERT_EXPIRED(false),
    /** The certificate is not issued by the JPKI user-authentication CA, or names no resident. */
    CERT_UNKNOWN(false),
    /** The signature over the challenge does not verify with the card certificate. */
    SIGNATURE_INVALID(false),
    /** The challenge is unknown, already used or older than its lifetime. */
    CHALLENGE_EXPIRED(true),
    /** The resident may not use kiosks (moved out, DV support measures, deceased, moved in today). */
    RESIDENT_BLOCKED(false),
    /** The resident's record cannot be printed by the system (length limit, characters). */
    RECORD_NOT_PRINTABLE(false),
    /** Outside the service hours (or outside the weekday hours of 戸籍 certificates). */
    OUTSIDE_HOURS(false),
    /** The municipality's certificate server is in a maintenance window. */
    MUNICIPALITY_MAINTENANCE(false),
    /** 本籍 is elsewhere and the resident has not completed the usage registration. */
    KOSEKI_NOT_REGISTERED(false),
    /** A 戸籍 notification is being processed; 戸籍 certificates are held until it is done. */
    KOSEKI_PENDING(false),
    /** The resident has no 戸籍 in Japan (foreign resident). */
    KOSEKI_NOT_APPLICABLE(false),
    /** No seal (印鑑) is registered. */
    SEAL_NOT_REGISTERED(false),
    /** The resident is under the age for this certificate (seal registration: 15). */
    UNDER_AGE(false),
    /** No tax data for the current certificate year (e.g. not a resident on 1 January). */
    TAX_DATA_MISSING(false),
    /** The municipality does not offer this certificate type at kiosks. */
    NOT_OFFERED(false),
    /** The municipality does not allow this option (e.g. 個人番号) at kiosks. */
    OPTION_NOT_ALLOWED(false),
    /** More copies than the municipality allows in one order. */
    COPY_LIMIT_EXCEEDED(false),
    /** A chosen household member is not in the resident's household. */
    MEMBER_NOT_IN_HOUSEHOLD(false),
    /** The session is unknown, closed or expired. */
    SESSION_EXPIRED(false),
    /** The kiosk id in the request does not match the kiosk's TLS client certificate. */
    KIOSK_MISMATCH(false),
    /** The idempotency key was used before with a different order. */
    IDEMPOTENCY_CONFLICT(false),
    /** The issuance is unknown, or its outcome was already reported differently. */
    ISSUANCE_UNKNOWN(false),
    /** A returned document failed its signature, chain, binding, type or size check. */
    DOCUMENT_INVALID(false),
    /** The request was malformed (center side) — a kiosk software error. */
    BAD_REQUEST(false),
    /** The center could not be reached, timed out or answered 5xx. */
    CENTER_UNAVAILABLE(true),
    /** The center answered something that is not the protocol (JSON, content type, size). */
    PROTOCOL_ERROR(false);

    private final boolean transientFailure;

    ErrorCode(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** True when trying again later may succeed without anything being changed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** Key of the resident-facing message, e.g. {@code center.error.CERT_REVOKED}. */
    public String messageKey() {
        return "center.error." + name();
    }
}
