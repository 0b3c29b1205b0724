package jp.madoguchi.printer.seal;

import java.security.cert.X509Certificate;

/**
 * Signs certificate seals on behalf of the issuer (the municipality or the issuance center). The
 * kiosk never holds the issuer's key itself unless configured so: an implementation may call the
 * center, a hardware security module or, in the simulators, a local key ({@link LocalKeySealSigner}).
 *
 * <p>Verification is offline with the public {@link #certificate()}: verifiers keep it in their
 * trust directory and find it again by the key id carried in each seal.
 */
public interface SealSigner {

    /**
     * The JCA signature algorithm, one of {@code SHA256withECDSA}, {@code SHA256withRSA} or
     * {@code Ed25519}.
     */
    String algorithm();

    /**
     * Signs the seal's signed bytes with the issuer's key.
     *
     * @throws jp.madoguchi.printer.PrinterException with {@code SEAL_SIGNING_FAILED} when it cannot
     */
    byte[] sign(byte[] signedBytes);

    /** The issuer's certificate whose public key verifies the signatures. */
    X509Certificate certificate();
}
