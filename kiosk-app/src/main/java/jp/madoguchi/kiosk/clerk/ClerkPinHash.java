package jp.madoguchi.kiosk.clerk;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A clerk PIN stored as a salted slow hash: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (Base64). The PIN itself is never stored; comparing takes constant time.
 */
public record ClerkPinHash(int iterations, byte[] salt, byte[] hash) {
    /** Iterations for new hashes: about a tenth of a second on a Raspberry Pi 4. */
    public static final int DEFAULT_ITERATIONS = 120_000;

    private static final String PREFIX = "pbkdf2-sha256";

    /** Hashes a new PIN with a fresh random salt. */
    public static ClerkPinHash create(char[] pin, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new ClerkPinHash(DEFAULT_ITERATIONS, salt, derive(pin, salt, DEFAULT_ITERATIONS));
    }

    /** Parses the stored form; fails with a clear message if it is not one of ours. */
    public static ClerkPinHash parse(String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a clerk PIN hash (expected " + PREFIX + "$iterations$salt$hash)");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return new ClerkPinHash(Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clerk PIN hash is damaged: " + e.getMessage(), e);
        }
    }

    /** The stored form. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True if {@code pin} is the PIN this hash was made from. */
    public boolean matches(char[] pin) {
        byte[] candidate = derive(pin, salt, iterations);
        try {
            return MessageDigest.isEqual(candidate, hash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClerkPinHash h
                && h.iterations == iterations
                && Arrays.equals(h.salt, salt)
                && Arrays.equals(h.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "ClerkPinHash[" + PREFIX + ", " + iterations + " iterations]";
    }
}
