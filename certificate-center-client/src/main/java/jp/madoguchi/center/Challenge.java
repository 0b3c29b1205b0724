package jp.madoguchi.center;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import jp.madoguchi.center.protocol.Protocol;

/**
 * A nonce from the center for the card to sign. The card signs the SHA-256 of {@link
 * #signedBytes()} (nonce ‖ kiosk id) with its user-authentication key (RSA PKCS#1 v1.5).
 */
public record Challenge(String nonce, String kioskId, Instant expiresAt) {
    /** nonce ‖ kioskId: the input of SHA256withRSA for software signers (tests, benchmarks). */
    public byte[] signedBytes() {
        return Protocol.challengeSignedBytes(nonce, kioskId);
    }

    /** SHA-256 of {@link #signedBytes()}: what a card wraps in a DigestInfo and signs. */
    public byte[] digestToSign() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signedBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
