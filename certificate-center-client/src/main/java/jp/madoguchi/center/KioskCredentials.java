package jp.madoguchi.center;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The kiosk's TLS client identity: its id, private key and certificate chain (leaf first). The
 * center checks that the kiosk id sent in requests is the one in the certificate.
 */
public record KioskCredentials(String kioskId, PrivateKey privateKey, List<X509Certificate> certificateChain) {
    public KioskCredentials {
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(privateKey, "privateKey");
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the kiosk certificate chain is empty");
        }
    }

    @Override
    public String toString() {
        return "KioskCredentials[" + kioskId + "]";
    }
}
