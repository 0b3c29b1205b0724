package jp.madoguchi.printer.seal.internal;

import java.security.Key;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/** The signature algorithms a seal may use, with their one-byte wire codes. */
public enum SealAlgorithm {
    ECDSA_P256_SHA256(1, "SHA256withECDSA"),
    RSA_SHA256(2, "SHA256withRSA"),
    ED25519(3, "Ed25519");

    private final int code;
    private final String jcaName;

    SealAlgorithm(int code, String jcaName) {
        this.code = code;
        this.jcaName = jcaName;
    }

    public int code() {
        return code;
    }

    public String jcaName() {
        return jcaName;
    }

    public static SealAlgorithm ofCode(int code) {
        for (SealAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new PrinterException(ErrorCode.SEAL_INPUT_INVALID, "unknown seal algorithm code " + code);
    }

    public static SealAlgorithm ofJcaName(String name) {
        for (SealAlgorithm a : values()) {
            if (a.jcaName.equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new PrinterException(
                ErrorCode.SEAL_SIGNING_FAILED,
                "unsupported seal algorithm " + name + "; use SHA256withECDSA, SHA256withRSA or Ed25519");
    }

    public static SealAlgorithm forKey(Key key) {
        switch (key.getAlgorithm()) {
            case "EC":
                return ECDSA_P256_SHA256;
            case "RSA":
                return RSA_SHA256;
            case "Ed25519":
            case "EdDSA":
                return ED25519;
            default:
                throw new PrinterException(
                        ErrorCode.SEAL_SIGNING_FAILED,
                        "unsupported key algorithm " + key.getAlgorithm() + "; use an EC P-256, RSA or Ed25519 key");
        }
    }
}
