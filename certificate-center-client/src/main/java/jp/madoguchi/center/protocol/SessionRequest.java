package jp.madoguchi.center.protocol;

/**
 * {@code POST /v1/sessions}: the card's user-authentication certificate (base64 DER), the nonce
 * it answers and its signature (base64, RSA PKCS#1 v1.5 over SHA-256 of {@link
 * Protocol#challengeSignedBytes}).
 */
public record SessionRequest(String kioskId, String nonce, String certificate, String signature) {
    public SessionRequest {
        Required.text(kioskId, "kioskId");
        Required.text(nonce, "nonce");
        Required.text(certificate, "certificate");
        Required.text(signature, "signature");
    }
}
