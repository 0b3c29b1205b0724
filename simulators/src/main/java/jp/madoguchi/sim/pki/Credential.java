package jp.madoguchi.sim.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate chain (leaf first) and where both are stored as PEM. */
public record Credential(
        PrivateKey privateKey,
        List<X509Certificate> chain,
        java.nio.file.Path certificateFile,
        java.nio.file.Path keyFile) {
    public Credential {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "Credential[" + certificate().getSubjectX500Principal() + "]";
    }
}
