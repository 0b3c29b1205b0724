package jp.madoguchi.printer.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * The secret that scrambles the image of the front printed on the back of each sheet. The issuer
 * gives it to the kiosks and to those who verify paper (municipal staff); with it a verifier puts
 * the back's tiles back in order and compares them with the front. 32 random bytes, stored as 64
 * hex digits in a file.
 */
public final class ScrambleKey {
    private static final int LENGTH = 32;
    private final byte[] key;

    private ScrambleKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new PrinterException(ErrorCode.TRUST_INVALID, "a scramble key has 32 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** A new random key. */
    public static ScrambleKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new ScrambleKey(bytes);
    }

    /** A key from its 32 bytes. */
    public static ScrambleKey of(byte[] bytes) {
        return new ScrambleKey(bytes);
    }

    /** A key from 64 hex digits. */
    public static ScrambleKey ofHex(String hex) {
        try {
            return new ScrambleKey(HexFormat.of().parseHex(hex.strip()));
        } catch (IllegalArgumentException e) {
            throw new PrinterException(ErrorCode.TRUST_INVALID, "a scramble key is 64 hex digits");
        }
    }

    /** Reads a key file of 64 hex digits. */
    public static ScrambleKey read(Path file) {
        try {
            return ofHex(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new PrinterException(
                    ErrorCode.TRUST_INVALID, "cannot read scramble key file " + file.getFileName(), e);
        }
    }

    /** The key as 64 hex digits (for writing a key file; never log it). */
    public String toHex() {
        return HexFormat.of().formatHex(key);
    }

    /** The key bytes (a copy). */
    public byte[] bytes() {
        return key.clone();
    }

    /** Overwrites the key in memory. */
    public void wipe() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "ScrambleKey[redacted]";
    }
}
