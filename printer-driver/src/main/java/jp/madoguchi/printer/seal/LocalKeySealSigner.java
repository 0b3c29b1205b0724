package jp.madoguchi.printer.seal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.seal.internal.SealAlgorithm;

/**
 * A {@link SealSigner} holding the issuer's private key in this process: the simulated center, a
 * municipal counter terminal that owns its key, tests and benchmarks.
 */
public final class LocalKeySealSigner implements SealSigner {
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String algorithm;

    /**
     * @param key the issuer's private key (EC P-256, RSA or Ed25519)
     * @param certificate the certificate of the matching public key
     */
    public LocalKeySealSigner(PrivateKey key, X509Certificate certificate) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.algorithm = SealAlgorithm.forKey(key).jcaName();
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] signedBytes) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(signedBytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new PrinterException(ErrorCode.SEAL_SIGNING_FAILED, "local " + algorithm + " key", e);
        }
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }
}
