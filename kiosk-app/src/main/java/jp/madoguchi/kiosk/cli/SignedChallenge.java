package jp.madoguchi.kiosk.cli;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** A challenge the card signs with its auth key, and the check of that signature. */
final class SignedChallenge {
    private SignedChallenge() {}

    /** The SHA-256 digest the card signs for {@code challenge}. */
    static byte[] digestOf(byte[] challenge) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** True if {@code signature} is the certificate's key's SHA256withRSA signature of {@code challenge}. */
    static boolean verifies(X509Certificate certificate, byte[] challenge, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
