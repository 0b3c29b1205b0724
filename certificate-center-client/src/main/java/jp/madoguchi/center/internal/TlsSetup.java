package jp.madoguchi.center.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import jp.madoguchi.center.KioskCredentials;

/**
 * Builds the kiosk's TLS context: its client certificate for mutual TLS, and trust in exactly one
 * pinned center CA (not the JVM's default trust store).
 */
public final class TlsSetup {
    private final SSLContext context;
    private final X509TrustManager trustManager;

    private TlsSetup(SSLContext context, X509TrustManager trustManager) {
        this.context = context;
        this.trustManager = trustManager;
    }

    public static TlsSetup of(KioskCredentials credentials, X509Certificate pinnedCenterCa) {
        try {
            char[] password = new char[0];
            // JKS, in memory only: PKCS12 would derive a PBKDF2 key (10,000 rounds) just to hold
            // the key for the key manager, a visible part of start-up.
            KeyStore keys = KeyStore.getInstance("JKS");
            keys.load(null, password);
            keys.setKeyEntry(
                    "kiosk",
                    credentials.privateKey(),
                    password,
                    credentials.certificateChain().toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, password);
            trust.setCertificateEntry("center-ca", pinnedCenterCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            X509TrustManager trustManager = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    trustManager = x;
                }
            }
            if (trustManager == null) {
                throw new IllegalStateException("the JVM offers no X509 trust manager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), new TrustManager[] {trustManager}, null);
            return new TlsSetup(context, trustManager);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "cannot set up mutual TLS with these kiosk credentials and center CA: " + e.getMessage(), e);
        }
    }

    public SSLContext context() {
        return context;
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }
}
