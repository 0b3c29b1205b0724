package jp.madoguchi.sim.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/**
 * RSA-2048 key pairs derived from a seed text, so a synthetic resident's card has the same keys
 * (and so the same certificate) on every run. Only for simulated cards: never for real keys.
 */
public final class SeededKeys {
    private SeededKeys() {}

    /** The RSA-2048 key pair for this seed; equal seeds give equal keys. */
    public static KeyPair rsa2048(String seed) {
        try {
            // SHA1PRNG seeded before first use is a deterministic generator.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(("madoguchi-sim:" + seed).getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("RSA key generation is not available: " + e.getMessage(), e);
        }
    }

    /** A fresh random RSA-2048 key pair (for authorities created on first start). */
    public static KeyPair randomRsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("RSA key generation is not available: " + e.getMessage(), e);
        }
    }
}
