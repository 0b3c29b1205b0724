package jp.madoguchi.printer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import jp.madoguchi.printer.seal.LocalKeySealSigner;
import jp.madoguchi.printer.seal.SealSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** An issuer (municipality) with a key generated at test time and a self-signed certificate. */
public final class TestIssuer {
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestIssuer(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** An EC P-256 issuer named by its municipality code. */
    public static TestIssuer ec(String issuerId) {
        return create(issuerId, "EC", "SHA256withECDSA");
    }

    /** An RSA-2048 issuer, as many municipal keys are. */
    public static TestIssuer rsa(String issuerId) {
        return create(issuerId, "RSA", "SHA256withRSA");
    }

    private static TestIssuer create(String issuerId, String keyAlgorithm, String signatureAlgorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            if (keyAlgorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + issuerId + " certificate seal,O=Madoguchi test municipality");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(3650, ChronoUnit.DAYS)),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name,
                    keyPair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keyPair.getPrivate())));
            return new TestIssuer(keyPair, certificate);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public SealSigner signer() {
        return new LocalKeySealSigner(keyPair.getPrivate(), certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Writes the certificate as PEM (it is public). */
    public Path writePem(Path file) {
        try (StringWriter text = new StringWriter();
                JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate);
            pem.flush();
            Files.writeString(file, text.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
