package jp.madoguchi.sim.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reads and writes certificates and private keys as PEM files (keys as unencrypted PKCS#8). */
public final class Pem {
    private Pem() {}

    /** Encodes a certificate, key or CRL as PEM text. */
    public static String encode(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new PkiException("could not encode PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Writes PEM atomically (temp file + move) so a crash never leaves half a key. */
    public static void write(Path file, Object object) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, encode(object), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PkiException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads one X.509 certificate from a PEM file. */
    public static X509Certificate readCertificate(Path file) {
        try {
            return parseCertificate(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new PkiException("could not read certificate " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses one X.509 certificate from PEM text. */
    public static X509Certificate parseCertificate(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate)
                    factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new PkiException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** Reads a private key (PKCS#8 or traditional key pair PEM). */
    public static PrivateKey readPrivateKey(Path file) {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new PkiException("no private key in " + file);
        } catch (IOException e) {
            throw new PkiException("could not read private key " + file + ": " + e.getMessage(), e);
        }
    }
}
