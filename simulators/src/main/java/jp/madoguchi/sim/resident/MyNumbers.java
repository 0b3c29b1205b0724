package jp.madoguchi.sim.resident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Synthetic 12-digit individual numbers (個人番号) with a valid check digit. */
public final class MyNumbers {
    private MyNumbers() {}

    /** A number derived from {@code seed}: 11 digits from its SHA-256, then the check digit. */
    public static String synthetic(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder digits = new StringBuilder();
            for (int i = 0; digits.length() < 11; i++) {
                digits.append((hash[i] & 0xff) % 10);
            }
            return digits.toString() + checkDigit(digits.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The check digit of 11 digits: with P(n) the n-th digit from the right and Q(n) = n + 1
     * (n ≤ 6) or n − 5 (n ≥ 7), 11 − (Σ P·Q mod 11), or 0 when the remainder is 0 or 1.
     */
    public static int checkDigit(String elevenDigits) {
        if (!elevenDigits.matches("[0-9]{11}")) {
            throw new IllegalArgumentException("an individual number has 11 digits before its check digit");
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = elevenDigits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    public static boolean isValid(String twelveDigits) {
        return twelveDigits.matches("[0-9]{12}")
                && checkDigit(twelveDigits.substring(0, 11)) == twelveDigits.charAt(11) - '0';
    }
}
